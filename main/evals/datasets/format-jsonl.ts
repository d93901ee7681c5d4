import { findJsonTooDeep, TOO_DEEP } from '../../kit/nesting-depth';
import type { CaseDraft } from './case-draft';
import { fileCase, toFileCase } from './file-case';
import { MAX_CASES, tooManyCases } from './limits';
import { failed, type ParseOutcome, type ParsedCase } from './parsed-dataset';
import type { CaseProblem } from './problems';

/** Problems beyond this many are not collected: the first ones tell the story. */
const MAX_PROBLEMS = 1000;

/** Each line of `text` with its 1-based number, without splitting the whole text up front. */
function* lines(text: string): Generator<{ line: number; text: string }> {
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    yield { line, text: text.slice(start, stop).replace(/\r$/, '') };
    if (end === -1) return;
    start = end + 1;
    line++;
  }
}

/**
 * JSONL: one case per line, each an object shaped like a YAML `test_cases` entry
 * (file-case.ts). Blank lines are skipped; problems name the line (the path is the field).
 */
export function parseJsonlDataset(text: string, where: string): ParseOutcome {
  const cases: ParsedCase[] = [];
  const problems: CaseProblem[] = [];
  let count = 0;
  for (const { line, text: source } of lines(text.replace(/^\uFEFF/, ''))) {
    if (source.trim() === '') continue;
    if (++count > MAX_CASES) throw tooManyCases(where);
    if (problems.length >= MAX_PROBLEMS) break;
    // Before JSON.parse: a line of 100,000 brackets is refused, not built and then walked.
    const deep = findJsonTooDeep(source);
    if (deep) {
      problems.push({ line, path: deep.path, message: TOO_DEEP });
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(source);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      problems.push({ line, path: '', message: `not valid JSON: ${reason}` });
      continue;
    }
    const at = { base: [], lineOf: () => line };
    const result = fileCase(raw, at);
    if (result.ok) cases.push({ draft: result.draft, at });
    else problems.push(...result.problems);
  }
  if (problems.length > 0) return failed(problems);
  return { ok: true, dataset: { meta: {}, cases, warnings: [] } };
}

export function serializeJsonlDataset(drafts: Iterable<CaseDraft>): string {
  let out = '';
  for (const draft of drafts) out += `${JSON.stringify(toFileCase(draft))}\n`;
  return out;
}
