import { z } from 'zod';
import { labelKey, normalizeLabelText } from '../../strategies/label';
import {
  binarySchema,
  cannotJudge,
  defineMatcher,
  expectedText,
  NO_EXPECTED,
  text,
  verdict,
} from '../core/definition';
import { listSome, quote } from '../core/reason-format';

const schema = binarySchema('classification', {
  /** Expected label. Absent: the case's expected output. */
  value: text('value').optional(),
  /** The known labels; a prediction outside them fails with a reason saying so. */
  labels: z
    .array(text('each label'), { error: 'labels must be a list of strings' })
    .min(2, { error: 'labels must list at least 2 labels' })
    .optional(),
}).superRefine((spec, ctx) => {
  if (spec.labels === undefined) return;
  const keys = spec.labels.map(labelKey);
  keys.forEach((key, i) => {
    if (keys.indexOf(key) !== i)
      ctx.addIssue({
        code: 'custom',
        path: ['labels', i],
        message: `duplicate label "${spec.labels?.[i]}"`,
      });
  });
  if (spec.value !== undefined && !keys.includes(labelKey(spec.value))) {
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: `"${spec.value}" is not one of the labels (${spec.labels.join(', ')})`,
    });
  }
});

/**
 * Label accuracy. Both labels are compared case- and whitespace-insensitively after the same
 * cleanup as the classification strategy. details.predicted / details.expected carry the labels
 * as written in `labels` (when given), so a run summary can build a confusion matrix.
 */
export const classificationMatcher = defineMatcher({
  type: 'classification',
  aliases: { classifier: {} },
  description: 'The output is the expected label (case and whitespace ignored).',
  binary: true,
  defaultThreshold: 1,
  schema,
  async evaluate(spec, subject) {
    const raw = expectedText(spec.value, subject);
    if (raw === undefined) return cannotJudge(NO_EXPECTED);
    const canonical = (label: string) => spec.labels?.find((l) => labelKey(l) === labelKey(label));
    const predictedText = normalizeLabelText(subject.text);
    const predicted = canonical(predictedText) ?? predictedText;
    const expected = canonical(raw) ?? normalizeLabelText(raw);
    const known = spec.labels === undefined || canonical(predictedText) !== undefined;
    const details = { predicted, expected, known };
    if (!known) {
      return verdict(
        false,
        `predicted ${quote(predictedText)}, which is not one of the labels (${listSome(spec.labels ?? [], 8)}); expected ${quote(expected)}`,
        details,
      );
    }
    const pass = labelKey(predicted) === labelKey(expected);
    return verdict(
      pass,
      pass
        ? `predicted ${quote(predicted)} as expected`
        : `predicted ${quote(predicted)}, expected ${quote(expected)}`,
      details,
    );
  },
});
