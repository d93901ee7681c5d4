import { useCallback, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import { parsePlaygroundUrl, playgroundHref, type PlaygroundUrl } from './playground-url';

/**
 * The playground's URL state and a way to change it. Writes go into the hash (where links put
 * the query), pushed for a new prompt or version so Back returns to it, replaced for column
 * edits so typing a model id does not fill the history.
 */
export function usePlaygroundUrl() {
  const [location] = useLocation();
  const search = useSearch();
  const url = useMemo(() => parsePlaygroundUrl(location, search), [location, search]);

  const change = useCallback(
    (patch: Partial<PlaygroundUrl>, { replace = false }: { replace?: boolean } = {}) => {
      const at = window.location.hash.indexOf('?');
      const hashQuery = at < 0 ? '' : window.location.hash.slice(at);
      const current = parsePlaygroundUrl(`/playground${hashQuery}`, window.location.search);
      const next = `#${playgroundHref({ ...current, ...patch })}`;
      if (next === window.location.hash) return;
      const oldURL = window.location.href;
      // The page's own query (from an older link) is dropped: one URL says one thing.
      const target = `${window.location.pathname}${next}`;
      if (replace) window.history.replaceState(null, '', target);
      else window.history.pushState(null, '', target);
      // wouter listens to hashchange; pushState does not send one.
      dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }));
    },
    [],
  );

  return { url, change };
}
