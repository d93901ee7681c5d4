import fs from 'node:fs';
import path from 'node:path';
import { AssayError } from '../../../shared/errors';
import { SPAN_FILE_PATTERN } from '../../tracing/export/file-names';
import { indexJsonl, indexMarkdown, type ExportedTrace } from '../../tracing/export/trace-index';
import { traceFiles } from '../../tracing/export/trace-files';
import { intOption } from '../int-option';
import { invoke, withCore } from '../with-core';
import { traceFilterFrom, type TraceFilterOptions } from './traces-options';

export interface TracesExportOptions extends TraceFilterOptions {
  readonly limit?: string;
  readonly dataDir?: string;
}

const PAGE = 200;

/** `path.join` for a name the export computed, refusing anything that would leave the root. */
function inside(root: string, ...segments: string[]): string {
  const target = path.resolve(root, ...segments);
  if (target !== root && !target.startsWith(root + path.sep))
    throw new AssayError('INTERNAL', `refusing to write outside ${root}: ${segments.join('/')}`);
  return target;
}

/** Removes what an earlier export wrote into this folder, so a re-export leaves no stale spans. */
function clearOwnFiles(folder: string): void {
  if (!fs.existsSync(folder)) return;
  for (const name of fs.readdirSync(folder))
    if (name === 'trace.json' || SPAN_FILE_PATTERN.test(name))
      fs.rmSync(path.join(folder, name), { force: true });
}

function progress(done: number, spans: number): void {
  const line = `exported ${done} traces (${spans} spans)`;
  process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
}

/**
 * `assay traces export DIR`: one folder per trace (`trace.json`, a Markdown file per span) and
 * an index (`index.md`, `index.jsonl`): the shape a coding agent greps. Paged through
 * `traces.list` newest first; the window ends when the export starts, so traces arriving
 * meanwhile do not shift the pages. Re-exporting overwrites the files it wrote.
 */
export async function tracesExportCommand(
  dir: string,
  options: TracesExportOptions,
): Promise<void> {
  const startedAt = Date.now();
  const filter = traceFilterFrom(options, startedAt);
  filter.to ??= new Date(startedAt).toISOString();
  const limit = intOption('--limit', options.limit, 1, 10_000_000) ?? Number.POSITIVE_INFINITY;
  const root = path.resolve(dir);
  await withCore(options.dataDir, async (core) => {
    fs.mkdirSync(root, { recursive: true });
    const entries: ExportedTrace[] = [];
    let spans = 0;
    let offset = 0;
    let lastProgress = Date.now();
    for (;;) {
      const page = await invoke(core, 'traces.list', {
        filter,
        sort: 'time',
        order: 'desc',
        offset,
        limit: Math.min(PAGE, limit - entries.length),
      });
      for (const summary of page.items) {
        const detail = await invoke(core, 'traces.get', { id: summary.id });
        const { folder, files } = traceFiles(detail);
        const target = inside(root, folder);
        fs.mkdirSync(target, { recursive: true });
        clearOwnFiles(target);
        for (const f of files) fs.writeFileSync(inside(target, f.name), f.content);
        entries.push({ trace: detail.trace, folder, spanFiles: files.slice(1).map((f) => f.name) });
        spans += detail.spans.length;
        if (Date.now() - lastProgress > 1_000) {
          lastProgress = Date.now();
          progress(entries.length, spans);
        }
      }
      if (page.nextOffset === null || entries.length >= limit) break;
      offset = page.nextOffset;
    }
    if (process.stderr.isTTY && Date.now() - startedAt > 1_000) process.stderr.write('\n');
    const exportedAt = new Date().toISOString();
    fs.writeFileSync(path.join(root, 'index.md'), indexMarkdown(entries, exportedAt));
    fs.writeFileSync(path.join(root, 'index.jsonl'), indexJsonl(entries));
    process.stdout.write(`Exported ${entries.length} traces (${spans} spans) to ${root}\n`);
  });
}
