import { formatUsd, PICO_PER_USD } from '../../../shared/money';

const count = new Intl.NumberFormat('en-US');

export const fmtCount = (n: number): string => count.format(n);

/** USD as the rest of the app shows money; null is "unpriced", never $0. */
export const fmtUsd = (usd: number | null): string =>
  usd === null ? 'unpriced' : formatUsd(Math.round(usd * PICO_PER_USD));

export function fmtMs(ms: number | null): string {
  if (ms === null) return '-';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
