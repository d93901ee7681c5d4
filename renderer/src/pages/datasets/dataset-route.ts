/** What the address says about the Datasets page: `#/datasets/<name>?page=2&q=refund`. */
export interface DatasetView {
  readonly name: string | null;
  /** 1-based, as people count pages. */
  readonly page: number;
  readonly search: string;
}

/** `#/datasets/<name>` selects a dataset; names may hold "/", so the segment is encoded. */
export function datasetHref(name: string | null, page = 1, search = ''): string {
  const path = name === null ? '/datasets' : `/datasets/${encodeURIComponent(name)}`;
  const params = new URLSearchParams();
  if (page > 1) params.set('page', String(page));
  if (search) params.set('q', search);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The view a hash location names. The query is read inside the hash, where links put it, else
 * from the page's own query string (wouter hands it over separately).
 */
export function datasetViewOf(location: string, search = ''): DatasetView {
  const at = location.indexOf('?');
  const path = at < 0 ? location : location.slice(0, at);
  const params = new URLSearchParams(at < 0 ? search : location.slice(at + 1));
  const match = /^\/datasets\/(.+)$/.exec(path);
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    name: match?.[1] ? decoded(match[1]) : null,
    page: Number.isSafeInteger(page) && page > 1 ? page : 1,
    search: params.get('q') ?? '',
  };
}

/**
 * Moves to a dataset (or the bare list): a history entry, so Back returns. `replace` is for
 * typing in the search box, which should not leave one entry per keystroke.
 */
export function openDataset(
  name: string | null,
  {
    page = 1,
    search = '',
    replace = false,
  }: { page?: number; search?: string; replace?: boolean } = {},
): void {
  const href = `#${datasetHref(name, page, search)}`;
  // wouter's own navigate would move the query out of the hash (`/?q=…#/datasets/x`); links
  // and the other pages keep it inside, so the address is set directly.
  if (!replace) {
    window.location.hash = href;
    return;
  }
  const before = window.location.href;
  window.history.replaceState(window.history.state, '', href);
  // replaceState fires no hashchange, which is what wouter follows.
  window.dispatchEvent(
    new HashChangeEvent('hashchange', { oldURL: before, newURL: window.location.href }),
  );
}
