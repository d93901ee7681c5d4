import { sameSecret } from '../kit/same-secret';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { AssayError, httpStatusOf, type ErrorCode } from '../../shared/errors';

/**
 * The token cookie's name carries the server's port: browsers scope cookies by host, not port,
 * so two `assay serve` on one host would otherwise overwrite each other's cookie, and one server
 * could be sent the other's token.
 */
export function tokenCookieName(port: number): string {
  return `assay_token_${port}`;
}

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTNAMES.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The body of every coded error answer: `{ ok: false, error: { code, message, details? } }`. */
export function errorBody(code: ErrorCode, message: string, details?: unknown): unknown {
  return { ok: false, error: new AssayError(code, message, details).toPayload() };
}

export function errorResponse(code: ErrorCode, message: string, details?: unknown): Response {
  return Response.json(errorBody(code, message, details), { status: httpStatusOf(code) });
}

/**
 * DNS-rebinding check for a loopback server: a web page on evil.example that resolves its
 * name to 127.0.0.1 still sends `Host: evil.example`, so only loopback host names pass.
 * Returns why a Host header is refused, or null when it passes.
 */
export function loopbackHostRefusal(host: string | undefined): string | null {
  const hostname = (host ?? '').replace(/:\d+$/, '');
  return isLoopbackHost(hostname)
    ? null
    : `Host "${host ?? ''}" is not allowed on a loopback server`;
}

/**
 * loopbackHostRefusal as Hono middleware (the gateway's listener checks it itself). `answer`
 * writes the 403 (a coded JSON error unless a route's protocol wants its own error body).
 */
export function loopbackHostGuard(
  answer: (c: Context, error: AssayError) => Response = (_c, error) =>
    errorResponse(error.code, error.message),
): MiddlewareHandler {
  return async (c, next) => {
    const refusal = loopbackHostRefusal(c.req.header('host'));
    if (refusal !== null) return answer(c, new AssayError('FORBIDDEN', refusal));
    await next();
  };
}

export interface TokenCookieOptions {
  /** The port the server is bound to (known once it listens, so asked for per request). */
  readonly port: () => number;
  /**
   * Mark the cookie Secure although this server speaks plain HTTP: TLS is terminated by a
   * proxy in front of it (`assay serve --secure-cookie`). Without it the cookie is Secure only
   * when the request URL the server sees is https. Forwarded headers (x-forwarded-proto) are
   * not trusted: any client can send them.
   */
  readonly secure?: boolean;
}

/**
 * Requires the server token on every request: `Authorization: Bearer`, a `token` query
 * parameter (for the first page load and EventSource, which cannot set headers) or the
 * HttpOnly cookie set after a valid query token, so the page's own assets load.
 */
export function tokenGuard(token: string, cookie: TokenCookieOptions): MiddlewareHandler {
  return async (c, next) => {
    const name = tokenCookieName(cookie.port());
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
    const query = c.req.query('token');
    if (sameSecret(bearer, token) || sameSecret(getCookie(c, name), token)) {
      await next();
      return;
    }
    if (sameSecret(query, token)) {
      const secure = cookie.secure === true || new URL(c.req.url).protocol === 'https:';
      setCookie(c, name, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure });
      await next();
      return;
    }
    return errorResponse(
      'UNAUTHORIZED',
      'Missing or wrong token: send "Authorization: Bearer <token>" or open the URL that assay serve printed',
    );
  };
}

/**
 * Cross-site request guard for the API: a POST must be JSON (which a cross-origin page cannot
 * send without a CORS preflight we never answer) and, when the browser names an Origin, it
 * must be this server's own: the public URL when one is set (behind a TLS proxy the request
 * URL this server sees is http while the browser's origin is https), else the request's.
 */
export function sameOriginJsonGuard(publicOrigin?: string): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && origin !== (publicOrigin ?? new URL(c.req.url).origin)) {
      return errorResponse('FORBIDDEN', `Cross-origin call from ${origin} refused`);
    }
    const type = c.req.header('content-type') ?? '';
    const length = Number(c.req.header('content-length') ?? '0');
    const hasBody = length > 0 || c.req.header('transfer-encoding') !== undefined;
    if (hasBody && !/^application\/json\b/i.test(type)) {
      return errorResponse(
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the call as content-type: application/json',
      );
    }
    await next();
  };
}
