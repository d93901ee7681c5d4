import { AssayError } from '../../../shared/errors';
import { DEFAULT_STATS_DAYS, MAX_STATS_DAYS } from '../../../shared/contract/trace-insights';

const DAY_MS = 86_400_000;

export interface StatsRange {
  /** First and last UTC day, inclusive (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
  /** Every day from `from` to `to`. */
  readonly days: string[];
  /** Span start times compared as ISO text: `startedFrom <= started_at < startedBefore`. */
  readonly startedFrom: string;
  readonly startedBefore: string;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

/**
 * The days a stats request covers: default the last 30 UTC days up to today. A range that runs
 * backwards or is longer than a year is refused with the field named, so no request can ask
 * for an unbounded series.
 */
export function statsRange(from: string | undefined, to: string | undefined, now = Date.now()) {
  const toMs = to ? msOf(to) : msOf(dayOf(now));
  const fromMs = from ? msOf(from) : toMs - (DEFAULT_STATS_DAYS - 1) * DAY_MS;
  if (fromMs > toMs)
    throw new AssayError('VALIDATION_FAILED', 'traces.stats: "from" is after "to"', {
      issues: [{ path: 'from', message: 'must be on or before "to"' }],
    });
  const count = Math.round((toMs - fromMs) / DAY_MS) + 1;
  if (count > MAX_STATS_DAYS)
    throw new AssayError(
      'VALIDATION_FAILED',
      `traces.stats: the range covers ${count} days; at most ${MAX_STATS_DAYS}`,
      { issues: [{ path: 'from', message: `at most ${MAX_STATS_DAYS} days before "to"` }] },
    );
  const days = Array.from({ length: count }, (_, i) => dayOf(fromMs + i * DAY_MS));
  return {
    from: dayOf(fromMs),
    to: dayOf(toMs),
    days,
    startedFrom: new Date(fromMs).toISOString(),
    startedBefore: new Date(toMs + DAY_MS).toISOString(),
  } satisfies StatsRange;
}
