import type { TraceFilter } from '../../../../shared/contract/traces';
import { SPAN_SOURCES, TRACE_SORTS } from '../../../../shared/contract/traces';

/** Time range presets of the list; `custom` uses the `from`/`to` of the URL. */
export const TIME_RANGES = ['all', '1h', '24h', '7d', '30d', 'custom'] as const;
export type TimeRange = (typeof TIME_RANGES)[number];

const RANGE_MS: Record<Exclude<TimeRange, 'all' | 'custom'>, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};

export type TraceSort = (typeof TRACE_SORTS)[number];

/**
 * Everything the Traces list shows, as the URL says (`#/traces?model=…&q=…`): filters, search,
 * sort. Values are kept as the URL holds them; `listInput` turns them into a `traces.list` filter.
 */
export interface TraceListView {
  readonly range: TimeRange;
  /** ISO times of a custom range. */
  readonly from: string | null;
  readonly to: string | null;
  readonly source: string | null;
  readonly provider: string | null;
  readonly model: string | null;
  /** A prompt version id. */
  readonly prompt: string | null;
  readonly status: 'ok' | 'error' | null;
  readonly minCost: number | null;
  readonly maxCost: number | null;
  readonly minLatency: number | null;
  readonly maxLatency: number | null;
  readonly tags: readonly string[];
  readonly user: string | null;
  readonly session: string | null;
  readonly q: string;
  readonly sort: TraceSort;
  readonly order: 'asc' | 'desc';
}

export const DEFAULT_LIST_VIEW: TraceListView = {
  range: 'all',
  from: null,
  to: null,
  source: null,
  provider: null,
  model: null,
  prompt: null,
  status: null,
  minCost: null,
  maxCost: null,
  minLatency: null,
  maxLatency: null,
  tags: [],
  user: null,
  session: null,
  q: '',
  sort: 'time',
  order: 'desc',
};

export type TracesView =
  { kind: 'list'; list: TraceListView } | { kind: 'trace'; traceId: string; spanId: string | null };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  (values as readonly (string | null)[]).includes(value) ? (value as T) : null;

/** A non-negative number from the URL; anything else (typed by hand, garbled) is no bound. */
function bound(text: string | null): number | null {
  if (text === null || text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function isoOrNull(text: string | null): string | null {
  if (!text) return null;
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** The list view of a query string; unknown or malformed values fall back to "not filtered". */
export function listViewOf(params: URLSearchParams): TraceListView {
  const get = (name: string) => params.get(name)?.trim() || null;
  return {
    range: oneOf(TIME_RANGES, get('range')) ?? 'all',
    from: isoOrNull(get('from')),
    to: isoOrNull(get('to')),
    source: oneOf(SPAN_SOURCES, get('source')),
    provider: get('provider'),
    model: get('model'),
    prompt: get('prompt'),
    status: oneOf(['ok', 'error'] as const, get('status')),
    minCost: bound(get('minCost')),
    maxCost: bound(get('maxCost')),
    minLatency: bound(get('minLatency')),
    maxLatency: bound(get('maxLatency')),
    tags: [
      ...new Set(
        (get('tags') ?? '')
          .split(',')
          .map((t) => t.trim())
          // The contract's tag: 1 to 64 characters.
          .filter((t) => t.length > 0 && t.length <= 64),
      ),
    ].slice(0, 16),
    user: get('user'),
    session: get('session'),
    q: params.get('q') ?? '',
    sort: oneOf(TRACE_SORTS, get('sort')) ?? 'time',
    order: get('order') === 'asc' ? 'asc' : 'desc',
  };
}

/** The hash of a list view; defaults are left out so a plain list is `#/traces`. */
export function listHref(view: Partial<TraceListView>): string {
  const full = { ...DEFAULT_LIST_VIEW, ...view };
  const params = new URLSearchParams();
  const put = (name: string, value: string | number | null) => {
    if (value !== null && value !== '') params.set(name, String(value));
  };
  if (full.range !== 'all') put('range', full.range);
  if (full.range === 'custom') {
    put('from', full.from);
    put('to', full.to);
  }
  put('source', full.source);
  put('provider', full.provider);
  put('model', full.model);
  put('prompt', full.prompt);
  put('status', full.status);
  put('minCost', full.minCost);
  put('maxCost', full.maxCost);
  put('minLatency', full.minLatency);
  put('maxLatency', full.maxLatency);
  if (full.tags.length > 0) put('tags', full.tags.join(','));
  put('user', full.user);
  put('session', full.session);
  put('q', full.q);
  if (full.sort !== 'time') put('sort', full.sort);
  if (full.order !== 'desc') put('order', full.order);
  const query = params.toString();
  return `/traces${query ? `?${query}` : ''}`;
}

export function traceHref(traceId: string, spanId?: string | null): string {
  const base = `/traces/${encodeURIComponent(traceId)}`;
  return spanId ? `${base}?span=${encodeURIComponent(spanId)}` : base;
}

/** The view of a hash location (`/traces?…`, `/traces/<id>?span=…`). */
export function tracesViewOf(location: string): TracesView {
  const at = location.indexOf('?');
  const path = at < 0 ? location : location.slice(0, at);
  const params = new URLSearchParams(at < 0 ? '' : location.slice(at + 1));
  const match = /^\/traces\/([^/]+)$/.exec(path);
  if (match?.[1]) {
    try {
      const traceId = decodeURIComponent(match[1]);
      return { kind: 'trace', traceId, spanId: params.get('span') || null };
    } catch {
      // A garbled id (`%E0`) is no trace: show the list.
    }
  }
  return { kind: 'list', list: listViewOf(params) };
}

/** How many filters (not search, not sort) narrow the list: the "Clear" button shows it. */
export function activeFilterCount(view: TraceListView): number {
  const bounds = [
    view.source,
    view.provider,
    view.model,
    view.prompt,
    view.status,
    view.minCost,
    view.maxCost,
    view.minLatency,
    view.maxLatency,
    view.user,
    view.session,
  ];
  const set = bounds.filter((v) => v !== null).length;
  return set + (view.range === 'all' ? 0 : 1) + (view.tags.length > 0 ? 1 : 0);
}

/**
 * The `traces.list` filter of a view. A preset range counts back from `now` (given, so the
 * query key holds still between renders).
 */
export function traceFilterOf(view: TraceListView, now: number): TraceFilter {
  const filter: TraceFilter = {};
  if (view.range === 'custom') {
    if (view.from) filter.from = view.from;
    if (view.to) filter.to = view.to;
  } else if (view.range !== 'all') {
    filter.from = new Date(now - RANGE_MS[view.range]).toISOString();
  }
  if (view.source) filter.source = view.source as TraceFilter['source'];
  // Clipped to the contract's lengths: a hand-edited URL narrows the list, it never errors.
  if (view.provider) filter.provider = view.provider.slice(0, 64);
  if (view.model) filter.model = view.model.slice(0, 256);
  if (view.prompt) filter.promptVersionId = view.prompt.slice(0, 64);
  if (view.status) filter.status = view.status;
  if (view.minCost !== null) filter.minCostUsd = view.minCost;
  if (view.maxCost !== null) filter.maxCostUsd = view.maxCost;
  if (view.minLatency !== null) filter.minLatencyMs = view.minLatency;
  if (view.maxLatency !== null) filter.maxLatencyMs = view.maxLatency;
  if (view.tags.length > 0) filter.tags = [...view.tags];
  if (view.user) filter.userId = view.user.slice(0, 256);
  if (view.session) filter.sessionId = view.session.slice(0, 256);
  const q = view.q.trim();
  if (q) filter.search = q.slice(0, 500);
  return filter;
}

/**
 * Changes the hash. `replace` swaps the current history entry (typing in the search box should
 * not leave one Back step per pause), otherwise Back returns to the previous view.
 */
export function goToTraces(href: string, { replace = false } = {}): void {
  if (!replace) {
    window.location.hash = href;
    return;
  }
  const url = new URL(window.location.href);
  url.hash = href;
  if (url.href === window.location.href) return;
  const oldURL = window.location.href;
  history.replaceState(history.state, '', url.href);
  // wouter's hash location listens for hashchange; replaceState does not send one.
  dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: url.href }));
}

/** The list as last shown (filters and all), for a trace's Back button. */
let lastList = '/traces';

export function rememberListHref(href: string): void {
  lastList = href;
}

export function lastListHref(): string {
  return lastList;
}
