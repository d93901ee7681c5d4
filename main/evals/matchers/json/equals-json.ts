import { z } from 'zod';
import { binarySchema, cannotJudge, defineMatcher, NO_EXPECTED, verdict } from '../core/definition';
import { firstJsonDifference } from './deep-equal';
import { subjectJson } from './json-subject';
import type { MatchSubject } from '../../types';

const schema = binarySchema('equals-json', {
  /** The expected JSON value. Absent: the case's expected output. */
  value: z.json({ error: 'value must be plain JSON' }).optional(),
});

/**
 * Expected values often arrive as text (a CSV column, a YAML string): text that parses as JSON is
 * compared as the parsed value; other text is compared as a JSON string.
 */
function expectedJson(
  value: unknown,
  subject: MatchSubject,
): { ok: true; value: unknown } | { ok: false } {
  const raw = value !== undefined ? value : subject.expected;
  if (raw === undefined) return { ok: false };
  if (typeof raw !== 'string') return { ok: true, value: raw };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: true, value: raw };
  }
}

export const equalsJsonMatcher = defineMatcher({
  type: 'equals-json',
  description: 'The JSON output deeply equals the expected value (key order ignored).',
  binary: true,
  defaultThreshold: 1,
  schema,
  async evaluate(spec, subject) {
    const expected = expectedJson(spec.value, subject);
    if (!expected.ok) return cannotJudge(NO_EXPECTED);
    const json = subjectJson(subject);
    if (!json.ok) return verdict(false, json.reason);
    const diff = firstJsonDifference(expected.value, json.value);
    if (diff === null) return verdict(true, 'output JSON equals the expected value');
    return verdict(false, `output JSON differs at ${diff.path}: ${diff.message}`, {
      path: diff.path,
    });
  },
});
