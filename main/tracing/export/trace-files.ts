import type { TraceDetail } from '../../../shared/contract/traces';
import { spanFileName, traceFolderName } from './file-names';
import { spanMarkdown } from './span-markdown';

export interface TraceFiles {
  /** One path segment, safe to join under the export root. */
  readonly folder: string;
  /** File name (one segment) to content; `trace.json` first, then the spans in start order. */
  readonly files: ReadonlyArray<{ readonly name: string; readonly content: string }>;
}

/** The folder of one trace: `trace.json` as `traces.get` returns it, and a Markdown file per span. */
export function traceFiles(detail: TraceDetail): TraceFiles {
  const count = detail.spans.length;
  const spanFiles = detail.spans.map((span, i) => ({
    name: spanFileName(i, count, span),
    content: spanMarkdown(span, detail.trace),
  }));
  return {
    folder: traceFolderName(detail.trace),
    files: [{ name: 'trace.json', content: `${JSON.stringify(detail, null, 2)}\n` }, ...spanFiles],
  };
}
