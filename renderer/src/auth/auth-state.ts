import type { AuthStatus, Role } from '../../../shared/contract/auth';
import type { ClientError } from '../client';

/** What the workbench shows for a given `auth.status`. */
export type AuthView = 'local' | 'setup' | 'login' | 'signed-in';

/**
 * Local mode (the desktop app, a plain `assay serve`) never asks anyone to sign in; a team server
 * asks for the first admin account until one exists, then for a login.
 */
export function authViewOf(status: AuthStatus): AuthView {
  if (status.mode === 'local') return 'local';
  if (status.setupRequired) return 'setup';
  return status.user ? 'signed-in' : 'login';
}

/**
 * The status after a call was refused with UNAUTHORIZED: on a team server the session is over
 * (expired, logged out elsewhere, the account disabled), so nobody is signed in any more and the
 * workbench shows the login page. Null when the refusal is not about a team session (local mode:
 * a wrong serve token, which the usual error toast reports).
 */
export function statusAfterUnauthorized(status: AuthStatus | undefined): AuthStatus | null {
  if (!status || status.mode !== 'team') return null;
  return { ...status, user: null };
}

const ROLE_RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** True when `role` may do what `needed` may (admin ⊇ editor ⊇ viewer). */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}

/**
 * Why a write button is off for this caller, or null when it is on. The server checks every call
 * whatever the buttons say; this only spares a viewer a click that would be refused.
 */
export function writeBlockedReason(
  status: AuthStatus | undefined,
  what: string,
  needs: Role = 'editor',
): string | null {
  if (!status || status.mode !== 'team' || !status.user) return null;
  if (roleAllows(status.user.role, needs)) return null;
  if (needs === 'admin') return `Only admins can change ${what}.`;
  return `Viewers can't change ${what}. Ask an admin for the editor role.`;
}

function retryAfterSeconds(details: unknown): number | null {
  if (typeof details !== 'object' || details === null) return null;
  const value = (details as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

function inWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** A refused login in words a person can act on (the server's code decides which). */
export function loginErrorText(error: ClientError): string {
  // A string compare: the code list may not name TOO_MANY_REQUESTS in every build.
  const code: string = error.code;
  if (code === 'TOO_MANY_REQUESTS') {
    const seconds = retryAfterSeconds(error.details);
    return seconds === null
      ? 'Too many sign-in attempts. Wait a little, then try again.'
      : `Too many sign-in attempts. Try again in ${inWords(seconds)}.`;
  }
  if (code === 'UNAUTHORIZED') return 'Wrong email or password, or the account is disabled.';
  if (code === 'VALIDATION_FAILED') return error.message;
  return error.toString();
}
