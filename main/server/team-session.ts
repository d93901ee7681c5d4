import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Principal } from '../api/dispatcher';
import type { AuthService } from '../auth/auth-service';
import { SESSION_TTL_MS } from '../auth/auth-clock';
import { errorResponse } from './request-guards';

/** The session cookie of a team server (one server per host name, so no port in the name). */
export const SESSION_COOKIE = 'assay_session';
/** Longer than any credential Assay issues: anything past it is refused unread. */
const MAX_CREDENTIAL_CHARS = 512;

export interface TeamHttpOptions {
  readonly auth: AuthService;
  /** The origin users open (behind the TLS proxy); the only Origin API calls may come from. */
  readonly publicUrl?: string;
  /** Mark the cookie Secure although this server speaks HTTP (TLS ends at a proxy). */
  readonly secureCookie?: boolean;
  /**
   * Read the client's address from the last X-Forwarded-For entry (the one the proxy in front
   * added). Only behind a proxy that sets it: otherwise any client could pick its own address
   * and slip the per-address login limit.
   */
  readonly trustProxy?: boolean;
}

const principals = new WeakMap<Request, Principal>();

/** Who sent this request (set by teamPrincipal); undefined: nobody signed in. */
export function principalOf(c: Context): Principal | undefined {
  return principals.get(c.req.raw);
}

/** The client's network address, for login limits and the audit log. */
export function clientAddressOf(c: Context, trustProxy: boolean | undefined): string | undefined {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket.remoteAddress;
}

/** The bearer credential of a request, if it sent one (of any shape). */
export function bearerOf(header: string | undefined): string | undefined {
  return header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
}

/**
 * Who the request is from: a personal API token (`Authorization: Bearer assay_pat_…`) or the
 * session cookie. Refuses nothing by itself (the workbench's files and the public channels are
 * open); a credential that is sent but wrong is 401 at once, so a client learns its token is
 * bad rather than being treated as anonymous.
 */
export function teamPrincipal(auth: AuthService): MiddlewareHandler {
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const bearer = bearerOf(authorization);
      const principal =
        bearer && bearer.length <= MAX_CREDENTIAL_CHARS
          ? await auth.authenticateToken(bearer)
          : null;
      if (!principal)
        return errorResponse(
          'UNAUTHORIZED',
          'Unknown, revoked or expired API token: send "Authorization: Bearer assay_pat_…"',
        );
      principals.set(c.req.raw, principal);
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie !== undefined && cookie.length <= MAX_CREDENTIAL_CHARS) {
      const principal = await auth.authenticateSession(cookie);
      if (principal) principals.set(c.req.raw, principal);
    }
    return next();
  };
}

/** For routes outside the dispatcher (the event stream, metrics): signed in, or 401. */
export function requirePrincipal(): MiddlewareHandler {
  return async (c, next) => {
    if (!principalOf(c)) return errorResponse('UNAUTHORIZED', 'Log in first');
    return next();
  };
}

function secureFor(c: Context, options: TeamHttpOptions): boolean {
  return (
    options.secureCookie === true ||
    options.publicUrl?.startsWith('https:') === true ||
    new URL(c.req.url).protocol === 'https:'
  );
}

/**
 * The session secret goes to an HttpOnly cookie (page scripts never see it); SameSite=Strict
 * keeps other sites' pages from sending it along.
 */
export function setSessionCookie(c: Context, options: TeamHttpOptions, secret: string): void {
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: secureFor(c, options),
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(c: Context, options: TeamHttpOptions): void {
  deleteCookie(c, SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: secureFor(c, options),
    path: '/',
  });
}
