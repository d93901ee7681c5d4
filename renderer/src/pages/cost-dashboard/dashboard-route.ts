import { STATS_GROUPS, type StatsGroupBy } from '../../../../shared/contract/trace-insights';

/** Quick ranges: the last N UTC days, today included. */
export const PRESETS = [7, 30, 90] as const;

/** What the dashboard shows, all of it in the address (`#/traces/dashboard?from=…`). */
export interface DashboardView {
  /** UTC days, inclusive; null: the server's default (the last 30 days). */
  readonly from: string | null;
  readonly to: string | null;
  readonly groupBy: StatsGroupBy;
  /** Only the spans of this prompt version. */
  readonly prompt: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function dashboardHref(view: Partial<DashboardView>): string {
  const params = new URLSearchParams();
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  if (view.groupBy) params.set('groupBy', view.groupBy);
  if (view.prompt) params.set('prompt', view.prompt);
  const text = params.toString();
  return `/traces/dashboard${text ? `?${text}` : ''}`;
}

/** The view of a hash location; the query is read inside the hash, else the page's own. */
export function dashboardViewOf(location: string, search: string): DashboardView {
  const at = location.indexOf('?');
  const params = new URLSearchParams(at < 0 ? search : location.slice(at + 1));
  const day = (name: string) => {
    const value = params.get(name);
    return value && DAY.test(value) ? value : null;
  };
  const groupBy = params.get('groupBy');
  return {
    from: day('from'),
    to: day('to'),
    groupBy: (STATS_GROUPS as readonly (string | null)[]).includes(groupBy)
      ? (groupBy as StatsGroupBy)
      : 'model',
    prompt: params.get('prompt') || null,
  };
}

/** The range of a preset: `days` UTC days up to today. */
export function presetRange(days: number, now = Date.now()): { from: string; to: string } {
  const today = Date.parse(new Date(now).toISOString().slice(0, 10));
  return {
    from: new Date(today - (days - 1) * 86_400_000).toISOString().slice(0, 10),
    to: new Date(today).toISOString().slice(0, 10),
  };
}
