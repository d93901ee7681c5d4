import { z } from 'zod';
import { authChannels, roleSchema } from '../../../../../shared/contract/auth';
import type { SelectOption } from '../../../components/ui/option-select';

export const EXPIRY_OPTIONS: readonly SelectOption<string>[] = [
  { value: '7', label: '7 days', testId: 'expiry-7' },
  { value: '30', label: '30 days', testId: 'expiry-30' },
  { value: '90', label: '90 days', testId: 'expiry-90' },
  { value: '365', label: '1 year', testId: 'expiry-365' },
  { value: 'never', label: 'Never', testId: 'expiry-never' },
];

/** The New token form: the channel's name, a role, and an expiry picked from a short list. */
export const newTokenSchema = z.object({
  name: authChannels['auth.tokens.create'].input.shape.name,
  role: roleSchema,
  expiry: z.enum(['7', '30', '90', '365', 'never']),
});
export type NewTokenForm = z.input<typeof newTokenSchema>;

/** The form's answer as the channel's input ("never": no expiry at all). */
export function tokenInput(form: z.output<typeof newTokenSchema>) {
  return {
    name: form.name,
    role: form.role,
    ...(form.expiry === 'never' ? {} : { expiresInDays: Number(form.expiry) }),
  };
}
