import { toast } from 'sonner';
import { z } from 'zod';
import { authChannels } from '../../../../../shared/contract/auth';
import { toClientError } from '../../../client';
import { Button } from '../../../components/ui/button';
import { Field, Form, FormRootError } from '../../../components/ui/form';
import { Input } from '../../../components/ui/input';
import { useChannelMutation } from '../../../query/channel-query';
import { showSubmitError, useContractForm } from '../../../query/contract-form';

/** The channel's input, plus the new password typed twice. */
const passwordFormSchema = authChannels['auth.password.change'].input
  .extend({ confirm: z.string() })
  .refine((form) => form.next === form.confirm, {
    path: ['confirm'],
    message: 'The two passwords differ',
  });
const DEFAULTS = { current: '', next: '', confirm: '' };

/** Changes the caller's password; the server ends their other sessions. */
export function PasswordPanel() {
  const form = useContractForm(passwordFormSchema, DEFAULTS);
  // A wrong current password is the form's error, not the end of this session.
  const change = useChannelMutation('auth.password.change', {
    meta: { form: true, credentials: true },
    invalidates: [],
  });

  const onSubmit = form.handleSubmit(async ({ current, next }) => {
    try {
      await change.mutateAsync({ current, next });
      toast.success('Password changed; your other sessions were signed out');
      form.reset(DEFAULTS);
    } catch (err) {
      const error = toClientError(err);
      if (error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN')
        form.setError('current', { message: 'This is not your current password' });
      else showSubmitError(form, err);
    }
  });

  return (
    <Form {...form}>
      <form
        noValidate
        className="flex max-w-sm flex-col gap-3"
        data-testid="team-password"
        onSubmit={(e) => void onSubmit(e)}
      >
        <Field
          name="current"
          label="Current password"
          render={(field) => (
            <Input
              {...field}
              type="password"
              autoComplete="current-password"
              data-testid="password-current"
            />
          )}
        />
        <Field
          name="next"
          label="New password"
          hint="At least 12 characters."
          render={(field) => (
            <Input
              {...field}
              type="password"
              autoComplete="new-password"
              data-testid="password-next"
            />
          )}
        />
        <Field
          name="confirm"
          label="New password again"
          render={(field) => (
            <Input
              {...field}
              type="password"
              autoComplete="new-password"
              data-testid="password-confirm"
            />
          )}
        />
        <FormRootError />
        <Button
          type="submit"
          size="sm"
          className="self-start"
          data-testid="password-submit"
          disabled={form.formState.isSubmitting}
        >
          Change password
        </Button>
      </form>
    </Form>
  );
}
