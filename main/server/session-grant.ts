import type { Context } from 'hono';
import type { Result } from '../../shared/errors';
import { clearSessionCookie, setSessionCookie, type TeamHttpOptions } from './team-session';

interface Grant {
  readonly user: unknown;
  readonly session?: { readonly token: string; readonly expiresAt: string };
}

function isGrant(data: unknown): data is Grant {
  return typeof data === 'object' && data !== null && 'user' in data;
}

/**
 * A login's or setup's answer over HTTP: its session secret moves into the HttpOnly cookie and
 * out of the body (page scripts never hold it). A logout clears the cookie, whatever the answer:
 * a session already gone is still logged out.
 */
export function grantToCookie(
  c: Context,
  team: TeamHttpOptions,
  channel: string,
  result: Result<unknown>,
): Result<unknown> {
  if (channel === 'auth.logout') {
    clearSessionCookie(c, team);
    return result;
  }
  if ((channel !== 'auth.login' && channel !== 'auth.setup') || !result.ok) return result;
  if (!isGrant(result.data) || !result.data.session) return result;
  setSessionCookie(c, team, result.data.session.token);
  return { ok: true, data: { user: result.data.user } };
}
