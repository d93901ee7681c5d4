import { z } from 'zod';

/**
 * A text input checked by a contract schema once it holds something: blank passes as null (the
 * caller decides what blank means: clear, keep, bill at the input rate). The message is the
 * contract's, so the field says what the core would have said.
 */
export function blankOr(schema: z.ZodType) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (value === '') return;
      const checked = schema.safeParse(value);
      if (!checked.success)
        ctx.addIssue({ code: 'custom', message: checked.error.issues[0]?.message ?? 'invalid' });
    })
    .transform((value) => (value === '' ? null : value));
}
