/** Filters of the interactions list, as the address holds them. */
export interface InteractionsQuery {
  readonly type: string | null;
  readonly user: string | null;
  readonly session: string | null;
  /** Comma-separated in the address; every tag must be present. */
  readonly tags: readonly string[];
  /** UTC days, inclusive. */
  readonly from: string | null;
  readonly to: string | null;
  readonly offset: number;
}

/** Which part of the Interactions page the hash names. */
export type InteractionsView =
  | { kind: 'list'; query: InteractionsQuery; selected: string | null }
  | { kind: 'sessions'; user: string | null; offset: number }
  | { kind: 'session'; id: string };

const q = encodeURIComponent;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const EMPTY_QUERY: InteractionsQuery = {
  type: null,
  user: null,
  session: null,
  tags: [],
  from: null,
  to: null,
  offset: 0,
};

function queryString(query: InteractionsQuery): string {
  const params = new URLSearchParams();
  if (query.type) params.set('type', query.type);
  if (query.user) params.set('user', query.user);
  if (query.session) params.set('session', query.session);
  if (query.tags.length > 0) params.set('tags', query.tags.join(','));
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.offset > 0) params.set('offset', String(query.offset));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const interactionsHref = {
  list: (query: InteractionsQuery = EMPTY_QUERY) => `/interactions${queryString(query)}`,
  /** One interaction's detail beside the list, keeping the list's filters. */
  detail: (id: string, query: InteractionsQuery = EMPTY_QUERY) =>
    `/interactions/${q(id)}${queryString(query)}`,
  sessions: (user: string | null = null, offset = 0) => {
    const params = new URLSearchParams();
    if (user) params.set('user', user);
    if (offset > 0) params.set('offset', String(offset));
    const text = params.toString();
    return `/interactions/sessions${text ? `?${text}` : ''}`;
  },
  session: (id: string) => `/interactions/sessions/${q(id)}`,
  trace: (id: string) => `/traces/${q(id)}`,
};

function offsetOf(text: string | null): number {
  const n = Number(text ?? 0);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/**
 * The view of a hash location (`/interactions/<id>?type=chat`, `/interactions/sessions/<id>`).
 * The query is read inside the hash, where links put it, else from the page's query string.
 * Anything malformed (a bad day, a negative offset) is dropped rather than sent.
 */
export function interactionsViewOf(location: string, search: string): InteractionsView {
  const at = location.indexOf('?');
  const path = at < 0 ? location : location.slice(0, at);
  const params = new URLSearchParams(at < 0 ? search : location.slice(at + 1));
  const get = (name: string) => params.get(name)?.trim() || null;
  const day = (name: string) => {
    const value = get(name);
    return value && DAY.test(value) ? value : null;
  };
  const session = /^\/interactions\/sessions\/(.+)$/.exec(path);
  if (session?.[1]) return { kind: 'session', id: decodeURIComponent(session[1]) };
  if (path === '/interactions/sessions')
    return { kind: 'sessions', user: get('user'), offset: offsetOf(get('offset')) };
  const detail = /^\/interactions\/(.+)$/.exec(path);
  const query: InteractionsQuery = {
    type: get('type'),
    user: get('user'),
    session: get('session'),
    tags: (get('tags') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    from: day('from'),
    to: day('to'),
    offset: offsetOf(get('offset')),
  };
  return {
    kind: 'list',
    query,
    selected: detail?.[1] ? decodeURIComponent(detail[1]) : null,
  };
}

/** The interactions.list filter of a query: days become a half-open UTC time range. */
export function interactionFilter(query: InteractionsQuery) {
  const nextDay = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();
  return {
    ...(query.type ? { type: query.type } : {}),
    ...(query.user ? { userId: query.user } : {}),
    ...(query.session ? { sessionId: query.session } : {}),
    ...(query.tags.length > 0 ? { tags: [...query.tags] } : {}),
    ...(query.from ? { from: `${query.from}T00:00:00.000Z` } : {}),
    ...(query.to ? { to: nextDay(query.to) } : {}),
  };
}

export function goTo(href: string): void {
  window.location.hash = href;
}
