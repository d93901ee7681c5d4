import { MAX_REPRICE_DAYS } from '../../../shared/contract/costs';
import { AssayError } from '../../../shared/errors';

const DAY_MS = 86_400_000;

export interface RepriceRange {
  /** Span start times compared as stored ISO text: `from <= started_at < to`. */
  readonly from: string;
  readonly to: string;
  /** Every UTC day the range touches, oldest first. */
  readonly days: string[];
}

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * The range a re-pricing request covers, as the stored form of times (`toISOString`, so text
 * order is time order). A range that is empty, runs backwards or is longer than
 * MAX_REPRICE_DAYS is refused naming the field, so no request can sweep an unbounded table.
 */
export function repriceRange(where: string, from: string, to: string): RepriceRange {
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  if (!(fromMs < toMs))
    throw new AssayError('VALIDATION_FAILED', `${where}: invalid "to": must be after "from"`, {
      issues: [{ path: 'to', message: 'must be after "from"' }],
    });
  if (toMs - fromMs > MAX_REPRICE_DAYS * DAY_MS)
    throw new AssayError(
      'VALIDATION_FAILED',
      `${where}: invalid "from": the range is longer than ${MAX_REPRICE_DAYS} days`,
      { issues: [{ path: 'from', message: `at most ${MAX_REPRICE_DAYS} days before "to"` }] },
    );
  const days: string[] = [];
  // The last instant in the range is just before `to`.
  const lastDay = dayOf(toMs - 1);
  for (let ms = Date.parse(`${dayOf(fromMs)}T00:00:00.000Z`); ; ms += DAY_MS) {
    const day = dayOf(ms);
    days.push(day);
    if (day >= lastDay) break;
  }
  return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), days };
}
