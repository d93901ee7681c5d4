import { extractJson } from '../../strategies/json-extract';
import type { MatchSubject } from '../../types';

export type SubjectJson =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/**
 * The JSON a matcher judges. The extraction strategy already parsed it into `subject.json`; for
 * other interaction types the text is searched the same way, so a JSON matcher on a chat dataset
 * still works, and a failure reads the same wherever it happened.
 * `strict` (is-json without `extract`) accepts only a reply that is JSON as a whole.
 */
export function subjectJson(subject: MatchSubject, strict = false): SubjectJson {
  if (subject.json !== undefined) return { ok: true, value: subject.json };
  if (strict) {
    try {
      return { ok: true, value: JSON.parse(subject.text) as unknown };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return { ok: false, reason: `output is not valid JSON: ${message}` };
    }
  }
  const found = extractJson(subject.text);
  return found.ok ? { ok: true, value: found.value } : { ok: false, reason: found.error };
}
