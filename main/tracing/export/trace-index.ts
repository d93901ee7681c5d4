import type { TraceSummary } from '../../../shared/contract/traces';
import { formatCost, formatMs, table } from './markdown-text';

/** One exported trace: its summary and the folder it went to (relative to the export root). */
export interface ExportedTrace {
  readonly trace: TraceSummary;
  readonly folder: string;
  readonly spanFiles: readonly string[];
}

/** `index.md`: every exported trace in one table, newest first, each linking to its folder. */
export function indexMarkdown(entries: readonly ExportedTrace[], exportedAt: string): string {
  const rows = entries.map(({ trace: t, folder }) => [
    t.startedAt,
    t.name,
    t.model ?? '-',
    formatCost(t.costUsd),
    formatMs(t.latencyMs),
    t.status,
    String(t.spanCount),
    `[${folder}](./${encodeURI(folder)}/)`,
  ]);
  return (
    [
      '# Assay traces',
      `Exported ${entries.length} traces at ${exportedAt}. Each folder holds \`trace.json\` (the trace and every span) and one Markdown file per span.`,
      table(['time', 'name', 'model', 'cost', 'latency', 'status', 'spans', 'folder'], rows),
    ].join('\n\n') + '\n'
  );
}

/** `index.jsonl`: one trace summary a line, with its folder, for scripts. */
export function indexJsonl(entries: readonly ExportedTrace[]): string {
  return entries
    .map(({ trace, folder, spanFiles }) => JSON.stringify({ ...trace, folder, spanFiles }))
    .join('\n')
    .concat(entries.length ? '\n' : '');
}
