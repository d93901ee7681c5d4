import {
  DEFAULT_DASHBOARD_DAYS,
  MAX_DASHBOARD_DAYS,
} from '../../../shared/contract/quality-insights';
import { throwIssues } from '../grader-checks';

const DAY_MS = 86_400_000;

export interface DashboardRange {
  /** First and last UTC day, inclusive (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
  readonly days: string[];
  /** Score times compared as ISO text: `since <= created_at < before`. */
  readonly since: string;
  readonly before: string;
}

export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

/** One UTC day as a range (a dashboard point's drill-down). */
export function dayRange(day: string): { since: string; before: string } {
  const ms = msOf(day);
  return { since: new Date(ms).toISOString(), before: new Date(ms + DAY_MS).toISOString() };
}

/**
 * The UTC days a dashboard covers: default the last 30 up to today. Days are UTC (as on the
 * cost dashboard) so one scorecard reads the same for a whole team; a range that runs
 * backwards or is longer than a year is refused with the field named.
 */
export function dashboardRange(
  where: string,
  from: string | undefined,
  to: string | undefined,
  now = Date.now(),
): DashboardRange {
  const toMs = to ? msOf(to) : msOf(dayOf(now));
  const fromMs = from ? msOf(from) : toMs - (DEFAULT_DASHBOARD_DAYS - 1) * DAY_MS;
  if (fromMs > toMs) throwIssues(where, [{ path: 'from', message: 'must be on or before "to"' }]);
  const count = Math.round((toMs - fromMs) / DAY_MS) + 1;
  if (count > MAX_DASHBOARD_DAYS)
    throwIssues(where, [
      {
        path: 'from',
        message: `the range covers ${count} days; at most ${MAX_DASHBOARD_DAYS} before "to"`,
      },
    ]);
  return {
    from: dayOf(fromMs),
    to: dayOf(toMs),
    days: Array.from({ length: count }, (_, i) => dayOf(fromMs + i * DAY_MS)),
    since: new Date(fromMs).toISOString(),
    before: new Date(toMs + DAY_MS).toISOString(),
  };
}
