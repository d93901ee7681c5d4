import type { MiddlewareHandler } from 'hono';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';

/**
 * The same CSP the desktop app's app:// handler sends, plus the usual hardening headers, on
 * every answer of the HTTP server: the Hono app's and the gateway's (gateway-listener.ts).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  };
}
