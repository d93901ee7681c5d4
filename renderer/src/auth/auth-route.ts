/**
 * The addresses of the sign-in pages: `#/setup` (first-run admin account) and
 * `#/login?next=<where to return>`. The page to return to rides in the hash, so a session that
 * ends on `#/prompts/support/base?tab=history` lands there again after the next login.
 */
export const LOGIN_PATH = '/login';
export const SETUP_PATH = '/setup';

function pathOf(location: string): string {
  const query = location.indexOf('?');
  return query === -1 ? location : location.slice(0, query);
}

/** True on the login or setup page (the app shell is not shown there). */
export function isAuthPath(location: string): boolean {
  const path = pathOf(location);
  return path === LOGIN_PATH || path === SETUP_PATH;
}

/**
 * Only an address inside the workbench may be returned to: a path that starts with one "/" (not
 * `//host`, not `https:`), never the sign-in pages themselves; anything else returns home.
 */
export function safeReturnTo(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  if (isAuthPath(next)) return '/';
  return next;
}

/** `#/login?next=…` for the page the user was on (home needs no `next`). */
export function loginHref(returnTo: string): string {
  const next = safeReturnTo(returnTo);
  return next === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}

/** Where the login page at this address returns to once signed in. */
export function returnToOf(location: string): string {
  const query = location.indexOf('?');
  if (query === -1) return '/';
  return safeReturnTo(new URLSearchParams(location.slice(query + 1)).get('next'));
}

/** Swaps the address for another without a history entry (Back must not land on a redirect). */
export function replaceHash(href: string): void {
  const oldURL = window.location.href;
  window.history.replaceState(
    null,
    '',
    `${window.location.pathname}${window.location.search}#${href}`,
  );
  // wouter listens to hashchange; replaceState sends none.
  dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }));
}

/**
 * Where the address must go for what the workbench shows, or null to stay: the sign-in pages
 * only while nobody is signed in on a team server, every other page only once someone is.
 */
export function redirectFor(
  view: 'local' | 'setup' | 'login' | 'signed-in',
  location: string,
): string | null {
  const path = pathOf(location);
  if (view === 'setup') return path === SETUP_PATH ? null : SETUP_PATH;
  if (view === 'login') return path === LOGIN_PATH ? null : loginHref(location);
  if (view === 'signed-in') return isAuthPath(location) ? returnToOf(location) : null;
  return isAuthPath(location) ? '/' : null;
}
