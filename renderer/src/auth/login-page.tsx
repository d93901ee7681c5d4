import { LoaderCircle, LogIn } from 'lucide-react';
import { toClientError } from '../client';
import { Button } from '../components/ui/button';
import { Field, Form, FormRootError } from '../components/ui/form';
import { Input } from '../components/ui/input';
import { useChannelMutation } from '../query/channel-query';
import { useContractForm } from '../query/contract-form';
import { loginErrorText } from './auth-state';
import { SignInFrame } from './sign-in-frame';
import { LOGIN_DEFAULTS, loginFormSchema } from './sign-in-forms';
import { useSignedIn } from './use-sign-in';

/**
 * `#/login?next=…`: email and password. The server sets the session as an HttpOnly cookie; the
 * answer names the user, and the gate then opens the page the user was sent here from.
 */
export function LoginPage({ returnTo }: { returnTo: string }) {
  const form = useContractForm(loginFormSchema, LOGIN_DEFAULTS);
  const signedIn = useSignedIn();
  const login = useChannelMutation('auth.login', {
    meta: { form: true, credentials: true },
    invalidates: [],
  });

  const onSubmit = form.handleSubmit(async (input) => {
    try {
      signedIn((await login.mutateAsync(input)).user);
    } catch (err) {
      form.setError('root', { message: loginErrorText(toClientError(err)) });
      form.resetField('password', { keepError: false });
    }
  });

  return (
    <SignInFrame
      testId="page-login"
      title="Sign in"
      description={
        returnTo === '/'
          ? 'This Assay server is shared by a team: sign in with your account.'
          : 'Sign in to continue where you were.'
      }
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
                data-testid="login-email"
              />
            )}
          />
          <Field
            name="password"
            label="Password"
            render={(field) => (
              <Input
                {...field}
                type="password"
                autoComplete="current-password"
                data-testid="login-password"
              />
            )}
          />
          <FormRootError />
          <Button type="submit" data-testid="login-submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? <LoaderCircle className="animate-spin" /> : <LogIn />}
            Sign in
          </Button>
        </form>
      </Form>
    </SignInFrame>
  );
}
