import { fmtUsd } from '../../lib/format';

export { fmtCount, fmtMs, fmtUsd } from '../../lib/format';

/**
 * A trace's (or any sum's) cost: "unpriced" when no priced LLM span contributed, "≥ $x" when
 * some LLM spans have no price (the sum is a lower bound), "-" when nothing here costs money.
 */
export function fmtTraceCost(costUsd: number | null, unpricedCount: number): string {
  if (costUsd === null) return unpricedCount > 0 ? 'unpriced' : '-';
  return unpricedCount > 0 ? `≥ ${fmtUsd(costUsd)}` : fmtUsd(costUsd);
}

const TIME = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "Jun 1, 14:03:22": the list's time column; the full ISO time goes in a title. */
export function fmtTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : TIME.format(t);
}
