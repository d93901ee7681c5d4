import type { Client } from '../../../client';
import type { ResultView, RunView } from '../../../../../shared/contract';

/** The largest page evals.results gives. */
const PAGE = 1000;

/** Every result of a run, page by page, in case order. */
export async function allResults(client: Client, runId: string): Promise<ResultView[]> {
  const out: ResultView[] = [];
  for (;;) {
    const page = await client.invoke('evals.results', { runId, offset: out.length, limit: PAGE });
    out.push(...page.results);
    if (page.results.length === 0 || out.length >= page.total) return out;
  }
}

/** The run and all its results, as one JSON document. */
export function runJson(run: RunView, results: readonly ResultView[]): string {
  return JSON.stringify({ run, results }, null, 2);
}

const COLUMNS = [
  'position',
  'caseKey',
  'repeatIndex',
  'status',
  'score',
  'vars',
  'expected',
  'output',
  'matchers',
  'latencyMs',
  'inputTokens',
  'outputTokens',
  'costUsd',
  'error',
] as const;

/** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
function cell(value: unknown): string {
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One row per result. Variables, expected output and errors are JSON in their cell; matchers
 * read `type:pass|fail|unscored(score)` so a spreadsheet shows what scored each case.
 */
export function runCsv(results: readonly ResultView[]): string {
  const rows = results.map((r) => {
    const matchers = r.matchers
      .map((m) => `${m.type}:${m.unscored ? 'unscored' : m.pass ? 'pass' : 'fail'}(${m.score})`)
      .join('; ');
    const values: Record<(typeof COLUMNS)[number], unknown> = {
      position: r.position,
      caseKey: r.caseKey,
      repeatIndex: r.repeatIndex,
      status: r.status,
      score: r.score,
      vars: r.vars,
      expected: r.expected ?? null,
      output: r.output,
      matchers,
      latencyMs: r.latencyMs,
      inputTokens: r.inputTokens,
      outputTokens: r.outputTokens,
      costUsd: r.costUsd,
      error: r.error ? `${r.error.code}: ${r.error.message}` : null,
    };
    return COLUMNS.map((c) => cell(values[c])).join(',');
  });
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
