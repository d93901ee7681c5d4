import {
  BOARD_SORT_KEYS,
  type BoardScopeInput,
  type BoardSortKeyName,
} from '../../../../shared/contract';

/**
 * What the address says about the Leaderboard page:
 * `#/leaderboard?dataset=<name>&sort=costPer1k&dir=asc&latency=p50` (a dataset's board),
 * `#/leaderboard?set=<id>` (a backtest set's), `#/leaderboard/contributors?set=<id>`.
 */
export type LeaderboardTab = 'board' | 'contributors';
export type LatencyBasis = 'p50' | 'p95';

export interface LeaderboardView {
  readonly tab: LeaderboardTab;
  /** Null: none chosen yet (the page opens the newest scope). */
  readonly scope: BoardScopeInput | null;
  readonly sort: { readonly key: BoardSortKeyName; readonly direction: 'asc' | 'desc' };
  /** Which latency percentile the latency chart and its frontier use. */
  readonly latency: LatencyBasis;
  /** Contributors: the backtest set they are ranked on (null: all sets). */
  readonly set: string | null;
}

/** Best first for scores and pass rates, cheapest and quickest first for cost and latency. */
export function defaultDirection(key: BoardSortKeyName): 'asc' | 'desc' {
  return key === 'score' || key === 'passRate' || key === 'results' || key === 'at'
    ? 'desc'
    : 'asc';
}

export function leaderboardHref(view: Partial<LeaderboardView>): string {
  const p = new URLSearchParams();
  if (view.tab === 'contributors') {
    if (view.set) p.set('set', view.set);
    const q = p.toString();
    return `/leaderboard/contributors${q ? `?${q}` : ''}`;
  }
  if (view.scope?.kind === 'dataset') p.set('dataset', view.scope.dataset);
  if (view.scope?.kind === 'backtest_set') p.set('set', view.scope.setId);
  if (view.sort && (view.sort.key !== 'score' || view.sort.direction !== 'desc')) {
    p.set('sort', view.sort.key);
    if (view.sort.direction !== defaultDirection(view.sort.key)) p.set('dir', view.sort.direction);
  }
  if (view.latency === 'p50') p.set('latency', 'p50');
  const q = p.toString();
  return `/leaderboard${q ? `?${q}` : ''}`;
}

const isSortKey = (v: string | null): v is BoardSortKeyName =>
  (BOARD_SORT_KEYS as readonly (string | null)[]).includes(v);

/** The view of a hash location; the query is read inside the hash, else from the page's. */
export function leaderboardViewOf(location: string, search = ''): LeaderboardView {
  const at = location.indexOf('?');
  const path = at < 0 ? location : location.slice(0, at);
  const p = new URLSearchParams(at < 0 ? search : location.slice(at + 1));
  const tab: LeaderboardTab = path === '/leaderboard/contributors' ? 'contributors' : 'board';
  const dataset = p.get('dataset')?.trim() || null;
  const set = p.get('set')?.trim() || null;
  const sortParam = p.get('sort');
  const key = isSortKey(sortParam) ? sortParam : 'score';
  const dir = p.get('dir');
  return {
    tab,
    scope:
      tab === 'contributors'
        ? null
        : dataset
          ? { kind: 'dataset', dataset }
          : set
            ? { kind: 'backtest_set', setId: set }
            : null,
    sort: { key, direction: dir === 'asc' || dir === 'desc' ? dir : defaultDirection(key) },
    latency: p.get('latency') === 'p50' ? 'p50' : 'p95',
    set: tab === 'contributors' ? set : null,
  };
}

/** Opens a Leaderboard address (a history entry; the query stays inside the hash). */
export function openLeaderboard(view: Partial<LeaderboardView>): void {
  window.location.hash = `#${leaderboardHref(view)}`;
}
