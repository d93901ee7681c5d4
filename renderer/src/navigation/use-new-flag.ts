import { useCallback } from 'react';
import { useLocation } from 'wouter';

/**
 * `?new=1` in the hash (`#/prompts?new=1`, `#/evals?new=1`): the command palette's "New …"
 * actions open a page with its create dialog open. Closing the dialog drops the flag without a
 * history entry, so Back does not reopen it.
 */
export function useNewFlag(): readonly [boolean, () => void] {
  const [location] = useLocation();
  const at = location.indexOf('?');
  const params = new URLSearchParams(at < 0 ? '' : location.slice(at + 1));
  const set = params.get('new') === '1';
  const clear = useCallback(() => {
    const url = new URL(window.location.href);
    const hash = url.hash.slice(1);
    const q = hash.indexOf('?');
    if (q < 0) return;
    const rest = new URLSearchParams(hash.slice(q + 1));
    rest.delete('new');
    const query = rest.toString();
    url.hash = `${hash.slice(0, q)}${query ? `?${query}` : ''}`;
    window.history.replaceState(window.history.state, '', url.href);
    // wouter listens to hashchange; replaceState fires none.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }, []);
  return [set, clear] as const;
}
