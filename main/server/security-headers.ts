import type { MiddlewareHandler } from 'hono';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';

/** The same CSP the desktop app's app:// handler sends, plus the usual hardening headers. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
  };
}
