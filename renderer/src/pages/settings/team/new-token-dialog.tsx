import type { Role } from '../../../../../shared/contract/auth';
import { roleAllows } from '../../../auth/auth-state';
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
import { ROLE_OPTIONS } from './team-format';
import { EXPIRY_OPTIONS, newTokenSchema, tokenInput } from './token-forms';

/** Name, role (at most the creator's own) and expiry of a new personal API token. */
export function NewTokenDialog({
  open,
  onOpenChange,
  ownRole,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  ownRole: Role;
  onCreated: (secret: string, name: string) => void;
}) {
  const defaults = { name: '', role: ownRole, expiry: '90' as const };
  const form = useContractForm(newTokenSchema, defaults);
  const create = useChannelMutation('auth.tokens.create', { meta: { form: true } });
  const roles = ROLE_OPTIONS.filter((option) => roleAllows(ownRole, option.value));

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const created = await create.mutateAsync(tokenInput(values));
      form.reset(defaults);
      onCreated(created.token, created.info.name);
    } catch (err) {
      showSubmitError(form, err);
    }
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="new-token-dialog" className="max-w-md">
        <DialogTitle>New API token</DialogTitle>
        <DialogDescription>
          A token acts as you, with your role or a lower one. Its secret is shown once.
        </DialogDescription>
        <Form {...form}>
          <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
            <Field
              name="name"
              label="Name"
              hint="What uses it: “CI”, “gateway on staging”."
              render={(field) => (
                <Input {...field} autoFocus autoComplete="off" data-testid="token-name" />
              )}
            />
            <Field
              name="role"
              label="Role"
              render={({ onChange, ...field }) => (
                <OptionSelect
                  {...field}
                  onValueChange={onChange}
                  options={roles}
                  data-testid="token-role"
                />
              )}
            />
            <Field
              name="expiry"
              label="Expires after"
              render={({ onChange, ...field }) => (
                <OptionSelect
                  {...field}
                  onValueChange={onChange}
                  options={EXPIRY_OPTIONS}
                  data-testid="token-expiry"
                />
              )}
            />
            <FormRootError />
            <DialogFormFooter
              onCancel={() => onOpenChange(false)}
              busy={form.formState.isSubmitting}
              submitTestId="create-token"
              errorTestId="new-token-error"
            >
              Create token
            </DialogFormFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
