import { fmtMs, fmtUsd } from '../../lib/format';

export { fmtCount, fmtMs, fmtUsd } from '../../lib/format';

const RELATIVE = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export const fmtPct = (share: number | null): string =>
  share === null ? '-' : `${(share * 100).toFixed(share === 1 || share === 0 ? 0 : 1)}%`;

const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');

/** `+4.0 pts` for a pass-rate change. */
/** null: a run scored nothing, so there is no rate to compare. */
export const fmtRateDelta = (delta: number | null): string =>
  delta === null ? '-' : `${sign(delta)}${Math.abs(delta * 100).toFixed(1)} pts`;

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
