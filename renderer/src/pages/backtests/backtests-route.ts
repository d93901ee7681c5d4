import type { InteractionFilter } from '../../../../shared/contract/traces';

/**
 * The parts of the Backtests page, all in the hash:
 *  `#/backtests` (the sets), `#/backtests/sets/<id>`, `#/backtests/runs/<id>?side=…`.
 * `#/backtests?new=1&type=…&tags=a,b&from=…&to=…&user=…&session=…` opens the New set dialog
 * prefilled with those interaction filters (the Traces page links there).
 */
export type BacktestsView =
  | { readonly kind: 'sets'; readonly newSet: InteractionFilter | null }
  | { readonly kind: 'set'; readonly setId: string }
  | { readonly kind: 'run'; readonly runId: string; readonly side: number };

const q = encodeURIComponent;

export const backtestsHref = {
  sets: () => '/backtests',
  set: (id: string) => `/backtests/sets/${q(id)}`,
  run: (id: string, side = 1) => `/backtests/runs/${q(id)}${side === 1 ? '' : `?side=${side}`}`,
  /** The New set dialog, prefilled with an interaction filter. */
  newSet: (filter: InteractionFilter) => {
    const params = new URLSearchParams({ new: '1' });
    if (filter.type) params.set('type', filter.type);
    if (filter.tags && filter.tags.length > 0) params.set('tags', filter.tags.join(','));
    if (filter.from) params.set('from', filter.from);
    if (filter.to) params.set('to', filter.to);
    if (filter.userId) params.set('user', filter.userId);
    if (filter.sessionId) params.set('session', filter.sessionId);
    return `/backtests?${params.toString()}`;
  },
};

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The interaction filter a `?new=1&…` query carries; blank values are left out. */
export function filterOfParams(params: URLSearchParams): InteractionFilter {
  const get = (name: string) => params.get(name)?.trim() || undefined;
  const tags = (get('tags') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0 && t.length <= 64)
    .slice(0, 16);
  const filter: InteractionFilter = {};
  const type = get('type');
  if (type) filter.type = type;
  if (tags.length > 0) filter.tags = tags;
  const from = get('from');
  if (from && !Number.isNaN(Date.parse(from))) filter.from = new Date(from).toISOString();
  const to = get('to');
  if (to && !Number.isNaN(Date.parse(to))) filter.to = new Date(to).toISOString();
  const user = get('user');
  if (user) filter.userId = user;
  const session = get('session');
  if (session) filter.sessionId = session;
  return filter;
}

/** The view of a hash location; a garbled id shows the sets. */
export function backtestsViewOf(location: string): BacktestsView {
  const at = location.indexOf('?');
  const path = at < 0 ? location : location.slice(0, at);
  const params = new URLSearchParams(at < 0 ? '' : location.slice(at + 1));
  const set = /^\/backtests\/sets\/([^/]+)$/.exec(path);
  const setId = set?.[1] ? decoded(set[1]) : null;
  if (setId) return { kind: 'set', setId };
  const run = /^\/backtests\/runs\/([^/]+)$/.exec(path);
  const runId = run?.[1] ? decoded(run[1]) : null;
  if (runId) {
    const side = Number(params.get('side') ?? '1');
    return {
      kind: 'run',
      runId,
      side: Number.isInteger(side) && side >= 1 && side <= 10 ? side : 1,
    };
  }
  return { kind: 'sets', newSet: params.get('new') === '1' ? filterOfParams(params) : null };
}

/** Goes to a part of the page (a hash change: Back returns). */
export function goToBacktests(href: string): void {
  window.location.hash = href;
}
