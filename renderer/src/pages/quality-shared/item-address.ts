/**
 * The part every list-and-detail page's address shares: `#/<page>/<id>?…`, the id encoded (ids
 * and names may hold "/"), the query inside the hash where links put it.
 */

/** `/graders/<id>` with the query, or `/graders` when nothing is selected. */
export function itemPath(page: string, id: string | null | undefined, query: string): string {
  const path = id ? `/${page}/${encodeURIComponent(id)}` : `/${page}`;
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
 * The selected id and the query of a hash location; the query is read inside the hash, else
 * from the page's own query string (wouter hands it over separately).
 */
export function readItemPath(
  page: string,
  location: string,
  search = '',
): { readonly id: string | null; readonly params: URLSearchParams } {
  const at = location.indexOf('?');
  const path = at < 0 ? location : location.slice(0, at);
  const params = new URLSearchParams(at < 0 ? search : location.slice(at + 1));
  const segment = path.startsWith(`/${page}/`) ? path.slice(page.length + 2) : '';
  return { id: segment && !segment.includes('/') ? decoded(segment) : null, params };
}

/** A version number the address names: a whole number from 1, else null (the latest). */
export function versionParam(params: URLSearchParams): number | null {
  const version = Number.parseInt(params.get('version') ?? '', 10);
  return Number.isSafeInteger(version) && version > 0 ? version : null;
}
