import { formatUsd, PICO_PER_USD } from '../../../../shared/money';

const count = new Intl.NumberFormat('en-US');
const RELATIVE = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export const fmtCount = (n: number): string => count.format(n);

/** USD as the rest of the app shows money; null is "unpriced", never $0. */
export const fmtUsd = (usd: number | null): string =>
  usd === null ? 'unpriced' : formatUsd(Math.round(usd * PICO_PER_USD));

export const fmtPct = (share: number | null): string =>
  share === null ? '-' : `${(share * 100).toFixed(share === 1 || share === 0 ? 0 : 1)}%`;

export function fmtMs(ms: number | null): string {
  if (ms === null) return '-';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');

/** `+4.0 pts` for a pass-rate change. */
export const fmtRateDelta = (delta: number): string =>
  `${sign(delta)}${Math.abs(delta * 100).toFixed(1)} pts`;

export const fmtUsdDelta = (delta: number | null): string =>
  delta === null ? 'unpriced' : `${sign(delta)}${fmtUsd(Math.abs(delta))}`;

export const fmtMsDelta = (delta: number | null): string =>
  delta === null ? '-' : `${sign(delta)}${fmtMs(Math.abs(delta))}`;

/** "3 minutes ago"; the exact time belongs in a title. */
export function fmtAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Number.isNaN(seconds)) return iso;
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps)
    if (Math.abs(seconds) >= size) return RELATIVE.format(Math.round(seconds / size), unit);
  return 'just now';
}

/** A run's model as the CLI writes it. */
export const targetOf = (run: { provider: string; model: string }): string =>
  `${run.provider}:${run.model}`;
