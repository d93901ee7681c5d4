import { LoaderCircle } from 'lucide-react';
import { useEffect, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { authViewOf } from './auth-state';
import { redirectFor, replaceHash, returnToOf } from './auth-route';
import { LoginPage } from './login-page';
import { SetupPage } from './setup-page';
import { useAuthStatus } from './use-auth-status';

function Splash() {
  return (
    <div
      role="status"
      className="flex h-screen items-center justify-center gap-2 text-xs text-muted-foreground"
    >
      <LoaderCircle className="size-4 animate-spin" />
      Loading…
    </div>
  );
}

/**
 * Decides between the workbench and the sign-in pages from `auth.status`. Local mode (the
 * desktop app, a plain `assay serve`) goes straight to the workbench, as does a core that cannot
 * say (an unreachable server: the shell reports that itself). A team server shows first-run setup
 * or the login page at their own addresses, and returns to the page asked for once signed in.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { status, error } = useAuthStatus();
  const [location] = useLocation();
  const view = status ? authViewOf(status) : error ? 'local' : null;
  const target = view ? redirectFor(view, location) : null;

  useEffect(() => {
    if (target !== null) replaceHash(target);
  }, [target]);

  if (view === null || target !== null) return <Splash />;
  if (view === 'setup') return <SetupPage />;
  if (view === 'login') return <LoginPage returnTo={returnToOf(location)} />;
  return <>{children}</>;
}
