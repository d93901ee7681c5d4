import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import {
  caseVarsSchema,
  matcherInputSchema,
  tagsSchema,
  type CaseInput,
  type MatcherInput,
  type TestCaseView,
} from '../../../../shared/contract';
import { toClientError } from '../../client';
import { showSubmitError } from '../../query/contract-form';
import { expectedText, parseExpected, parseVars, varsText } from './case-fields';
import { splitTags } from './tags-text';

/**
 * A case as its editor holds it: variables and expected output as text (JSON, or `key=value`
 * lines; plain text), tags comma-separated, matchers as objects edited field by field. The
 * schema turns it into the contract's case input, with the contract's own rules and messages.
 */
/**
 * Checks a parsed value against a contract schema and reports the first problem on the form
 * field itself (`"bad key": a variable name…`), since the field is one text box, not a list.
 */
function checkedBy<T>(schema: z.ZodType<T>, value: unknown, ctx: z.RefinementCtx): T {
  const checked = schema.safeParse(value);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  ctx.addIssue({ code: 'custom', message: `${where}${issue?.message ?? 'invalid'}` });
  return z.NEVER;
}

/** Tags typed comma-separated (`support, refunds`), checked as the contract's tag list. */
export const tagsTextSchema = z
  .string()
  .transform((text, ctx) => checkedBy(tagsSchema, splitTags(text), ctx));

export const caseFormSchema = z.object({
  vars: z.string().transform((text, ctx) => {
    const parsed = parseVars(text);
    if (parsed.ok) return checkedBy(caseVarsSchema, parsed.value, ctx);
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }),
  /** Empty: no expected output (null removes one the case had). */
  expected: z.string().transform((text) => {
    const parsed = parseExpected(text);
    return (parsed.ok ? parsed.value : null) as CaseInput['expected'] | null;
  }),
  description: z.string().max(2000),
  tags: tagsTextSchema,
  matchers: z.array(matcherInputSchema).max(100),
});
export type CaseFormValues = z.input<typeof caseFormSchema>;
export type CaseFormOutput = z.output<typeof caseFormSchema>;

export const EMPTY_CASE: CaseFormValues = {
  vars: '{\n  "input": ""\n}',
  expected: '',
  description: '',
  tags: '',
  matchers: [],
};

export function caseFormValues(testCase: TestCaseView): CaseFormValues {
  return {
    vars: varsText(testCase.vars),
    expected: expectedText(testCase.expected),
    description: testCase.description,
    tags: testCase.tags.join(', '),
    matchers: testCase.matchers.map((m): MatcherInput => ({ ...m })),
  };
}

/**
 * Shows a refused save in the form, once, next to the field it names. The core names a case's
 * fields inside its input (`cases[0].matchers[1].pattern`); the editor's own paths start at
 * the case (`matchers.1.pattern`), and a matcher option lands on its own field when the form
 * shows it, else on the matcher list.
 */
export function showCaseError<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  err: unknown,
): void {
  const error = toClientError(err);
  const details = error.details as { problems?: unknown; issues?: unknown } | null | undefined;
  const list = details && typeof details === 'object' ? (details.problems ?? details.issues) : null;
  if (error.code !== 'VALIDATION_FAILED' || !Array.isArray(list)) {
    showSubmitError(form, err);
    return;
  }
  let placed = 0;
  for (const item of list as { path?: unknown; message?: unknown }[]) {
    if (typeof item.path !== 'string' || typeof item.message !== 'string') continue;
    const path = item.path.replace(/^cases\[\d+\]\.?/, '').replace(/\[(\d+)\]/g, '.$1');
    const option = /^matchers\.(\d+)\.(\w+)/.exec(path);
    const shown = option ? form.getValues(`matchers.${option[1]}` as Path<T>) : undefined;
    const target =
      option && shown && typeof shown === 'object'
        ? `matchers.${option[1]}.${option[2]}`
        : (path.split('.')[0] ?? '');
    if (!['vars', 'expected', 'description', 'tags', 'matchers'].includes(target.split('.')[0]!))
      continue;
    form.setError(target as Path<T>, { message: item.message });
    placed += 1;
  }
  if (placed === 0) showSubmitError(form, err);
}
