import { useCallback } from 'react';
import { useSearch } from 'wouter';

/** The hash query parameter that keeps "search by meaning" on across reloads and links. */
export const MEANING_PARAM = 'meaning';

export function meaningOn(search: string): boolean {
  return new URLSearchParams(search).get(MEANING_PARAM) === '1';
}

/** The hash (`#/traces?x=1`) with the parameter set or removed; the other parameters stay. */
export function hashWithMeaning(hash: string, on: boolean): string {
  const at = hash.indexOf('?');
  const base = at < 0 ? hash : hash.slice(0, at);
  const params = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  if (on) params.set(MEANING_PARAM, '1');
  else params.delete(MEANING_PARAM);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** The toggle's state in the URL, written with replaceState (a toggle is not a new page). */
export function useMeaningParam(): [boolean, (on: boolean) => void] {
  const on = meaningOn(useSearch());
  const set = useCallback((next: boolean) => {
    const hash = hashWithMeaning(window.location.hash || '#/traces', next);
    if (hash === window.location.hash) return;
    const oldURL = window.location.href;
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${window.location.search}${hash}`,
    );
    // wouter listens to hashchange; replaceState does not send one.
    dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }));
  }, []);
  return [on, set];
}
