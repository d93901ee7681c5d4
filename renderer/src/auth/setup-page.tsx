import { LoaderCircle, ShieldCheck } from 'lucide-react';
import { Button } from '../components/ui/button';
import { Field, Form, FormRootError } from '../components/ui/form';
import { Input } from '../components/ui/input';
import { useChannelMutation } from '../query/channel-query';
import { showSubmitError, useContractForm } from '../query/contract-form';
import { SignInFrame } from './sign-in-frame';
import { SETUP_DEFAULTS, setupFormSchema } from './sign-in-forms';
import { useSignedIn } from './use-sign-in';

/**
 * `#/setup`: a team server with no account yet. The first visitor creates the admin account
 * (and is signed in with it); from then on the server asks for a login instead.
 */
export function SetupPage() {
  const form = useContractForm(setupFormSchema, SETUP_DEFAULTS);
  const signedIn = useSignedIn();
  const setup = useChannelMutation('auth.setup', { meta: { form: true }, invalidates: [] });

  const onSubmit = form.handleSubmit(async ({ email, name, password }) => {
    try {
      signedIn((await setup.mutateAsync({ email, name, password })).user);
    } catch (err) {
      showSubmitError(form, err);
    }
  });

  return (
    <SignInFrame
      testId="page-setup"
      title="Create the admin account"
      description="This team server has no accounts yet. The account you create here administers it: it adds members, sets their roles and reads the audit log."
    >
      <Form {...form}>
        <form noValidate className="flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
          <Field
            name="email"
            label="Email"
            render={(field) => (
              <Input
                {...field}
                type="email"
                autoComplete="username"
                autoFocus
                data-testid="setup-email"
              />
            )}
          />
          <Field
            name="name"
            label="Name"
            render={(field) => <Input {...field} autoComplete="name" data-testid="setup-name" />}
          />
          <Field
            name="password"
            label="Password"
            hint="At least 12 characters; a passphrase is welcome."
            render={(field) => (
              <Input
                {...field}
                type="password"
                autoComplete="new-password"
                data-testid="setup-password"
              />
            )}
          />
          <Field
            name="confirm"
            label="Password again"
            render={(field) => (
              <Input
                {...field}
                type="password"
                autoComplete="new-password"
                data-testid="setup-confirm"
              />
            )}
          />
          <FormRootError />
          <Button type="submit" data-testid="setup-submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? (
              <LoaderCircle className="animate-spin" />
            ) : (
              <ShieldCheck />
            )}
            Create the admin account
          </Button>
        </form>
      </Form>
    </SignInFrame>
  );
}
