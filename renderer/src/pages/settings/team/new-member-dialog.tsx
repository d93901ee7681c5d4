import { toast } from 'sonner';
import { toClientError } from '../../../client';
import { DialogFormFooter } from '../../../components/ui/dialog-form-footer';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogTitle,
} from '../../../components/ui/dialog';
import { Field, Form, FormRootError } from '../../../components/ui/form';
import { Input } from '../../../components/ui/input';
import { OptionSelect } from '../../../components/ui/option-select';
import { useChannelMutation } from '../../../query/channel-query';
import { showSubmitError, useContractForm } from '../../../query/contract-form';
import { NEW_MEMBER_DEFAULTS, newMemberSchema } from './member-forms';
import { ROLE_HINT, ROLE_OPTIONS } from './team-format';

/** An admin adds an account: its role and an initial password to hand over. */
export function NewMemberDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const form = useContractForm(newMemberSchema, NEW_MEMBER_DEFAULTS);
  const create = useChannelMutation('auth.users.create', { meta: { form: true } });

  const onSubmit = form.handleSubmit(async (input) => {
    try {
      const user = await create.mutateAsync(input);
      toast.success(`Added ${user.email} as ${user.role}`);
      form.reset(NEW_MEMBER_DEFAULTS);
      onOpenChange(false);
    } catch (err) {
      const error = toClientError(err);
      // A taken email is the email's problem: shown under it.
      if (error.code === 'CONFLICT') form.setError('email', { message: error.message });
      else showSubmitError(form, err);
    }
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="new-member-dialog" className="max-w-md">
        <DialogTitle>Add a member</DialogTitle>
        <DialogDescription>
          Give them the initial password; they can change it under Team settings.
        </DialogDescription>
        <Form {...form}>
          <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
            <Field
              name="email"
              label="Email"
              render={(field) => (
                <Input
                  {...field}
                  type="email"
                  autoFocus
                  autoComplete="off"
                  data-testid="member-email"
                />
              )}
            />
            <Field
              name="name"
              label="Name"
              render={(field) => <Input {...field} autoComplete="off" data-testid="member-name" />}
            />
            <Field
              name="role"
              label="Role"
              hint={ROLE_HINT}
              render={({ onChange, ...field }) => (
                <OptionSelect
                  {...field}
                  onValueChange={onChange}
                  options={ROLE_OPTIONS}
                  data-testid="member-role"
                />
              )}
            />
            <Field
              name="password"
              label="Initial password"
              hint="At least 12 characters."
              render={(field) => (
                <Input
                  {...field}
                  type="password"
                  autoComplete="new-password"
                  data-testid="member-password"
                />
              )}
            />
            <FormRootError />
            <DialogFormFooter
              onCancel={() => onOpenChange(false)}
              busy={form.formState.isSubmitting}
              submitTestId="create-member"
              errorTestId="new-member-error"
            >
              Add member
            </DialogFormFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
