import { originOf } from '../ipc/trusted-sender';

/**
 * Whether a URL the renderer asked to open may go to the user's browser. Only https: is
 * allowed: file:, javascript:, custom schemes and plain http could launch local programs or
 * leak data. URLs with credentials (`https://bank.example@evil.example/`) are refused because
 * they exist mainly to disguise where a link goes.
 */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
}

/**
 * Whether a navigation (or redirect) stays inside the app: its origin must be one of the
 * app's own (`app://assay`, or the dev server in development). Everything else is blocked so
 * a compromised or confused page can never turn the privileged window into a browser.
 */
export function isAppNavigation(url: string, appOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  if (origin === null) return false;
  return appOrigins.some((allowed) => originOf(allowed) === origin);
}
