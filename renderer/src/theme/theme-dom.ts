import type { Theme } from '../../../shared/contract';

const CACHE_KEY = 'assay.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

function isTheme(value: unknown): value is Theme {
  return THEMES.includes(value as Theme);
}

/**
 * The last theme this browser saw. The saved preference comes from the core only after a
 * round trip, so the cache lets the first paint already use the right colours.
 */
export function readCachedTheme(): Theme {
  try {
    const cached = localStorage.getItem(CACHE_KEY);
    return isTheme(cached) ? cached : 'system';
  } catch {
    return 'system';
  }
}

export function cacheTheme(theme: Theme): void {
  try {
    localStorage.setItem(CACHE_KEY, theme);
  } catch {
    // No storage: the only cost is a possible flash of the wrong theme on the next start.
  }
}

export function systemPrefersDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches;
}

/** Calls `onChange` when the OS switches between light and dark; returns the unsubscribe. */
export function watchSystemTheme(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Tailwind's `dark:` variant keys off this class on <html>. */
export function applyTheme(theme: Theme): void {
  const dark = theme === 'dark' || (theme === 'system' && systemPrefersDark());
  document.documentElement.classList.toggle('dark', dark);
}
