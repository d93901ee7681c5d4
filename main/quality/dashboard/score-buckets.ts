import { NUMERIC_BINS, UNSCORED_BUCKET } from '../../../shared/contract/quality-insights';
import type { ScoreConfig } from '../../../shared/contract/quality';
import { levelBounds } from '../scoring/normalize';

/**
 * How the dashboard counts scores: a categorical score by its level, a boolean one as
 * `true`/`false`, a numeric one in NUMERIC_BINS equal bins of its normalized score (bin 9 holds
 * 0.9..1, the best), and a score without a value as `unscored`. Bins are of the normalized
 * score, so a grader's older versions with another range land in comparable bins.
 */

export interface Bucket {
  readonly key: string;
  readonly label: string;
}

type Numeric = Extract<ScoreConfig, { type: 'numeric' }>;

const pct = (k: number) => `${Math.round((k * 100) / NUMERIC_BINS)}%`;

export function bucketsOf(config: ScoreConfig): Bucket[] {
  const buckets: Bucket[] =
    config.type === 'categorical'
      ? config.levels.map((l) => ({ key: l.name, label: l.name }))
      : config.type === 'boolean'
        ? [
            { key: 'true', label: 'Pass' },
            { key: 'false', label: 'Fail' },
          ]
        : Array.from({ length: NUMERIC_BINS }, (_, k) => ({
            key: String(k),
            label: `${pct(k)}–${pct(k + 1)}`,
          }));
  return [...buckets, { key: UNSCORED_BUCKET, label: 'Unscored' }];
}

/**
 * The raw values at which bins 1…9 start, in the order the SQL tests them (highest bin
 * first): a value at or past threshold k lies in bin k or above. Comparing raw values keeps
 * the expression portable (no floor() in stock SQLite, and Postgres rounds a cast).
 */
export function binThresholds(config: Numeric): { bin: number; at: number }[] {
  // A weighted mean of the bounds, not min + f * (max - min): finite for any finite bounds.
  const { min, max } = config;
  const out: { bin: number; at: number }[] = [];
  for (let k = NUMERIC_BINS - 1; k >= 1; k--) {
    const f = k / NUMERIC_BINS;
    out.push({
      bin: k,
      at: config.higherIsBetter ? min * (1 - f) + max * f : max * (1 - f) + min * f,
    });
  }
  return out;
}

/** The bin of a numeric value, as the SQL expression (dashboard-sql.ts) computes it. */
export function numericBin(config: Numeric, value: number): number {
  for (const { bin, at } of binThresholds(config))
    if (config.higherIsBetter ? value >= at : value <= at) return bin;
  return 0;
}

/** A score's bucket key, as the SQL computes it (for tests and single scores). */
export function bucketOf(config: ScoreConfig, value: number | null, level: string | null) {
  if (value === null) return UNSCORED_BUCKET;
  if (config.type === 'categorical') return level ?? UNSCORED_BUCKET;
  if (config.type === 'boolean') return value === 1 ? 'true' : 'false';
  return String(numericBin(config, value));
}

/**
 * The sum of the normalized scores of `scored` values summing to `total`, all from one config:
 * normalization is linear on every config, so the sum of values is all the SQL has to return.
 */
export function normalizedSum(config: ScoreConfig, total: number, scored: number): number {
  if (scored === 0) return 0;
  switch (config.type) {
    case 'boolean':
      return total;
    case 'numeric': {
      // Halved when the range overflows (bounds near ±1.8e308), as normalize.ts does.
      const h = Number.isFinite(config.max - config.min) ? 1 : 0.5;
      const span = config.max * h - config.min * h;
      return config.higherIsBetter
        ? (total * h - scored * config.min * h) / span
        : (scored * config.max * h - total * h) / span;
    }
    case 'categorical': {
      const { low, high } = levelBounds(config.levels);
      return (total - scored * low) / (high - low);
    }
  }
}

/**
 * The normalized sum of an aggregate row (its version's scores of one bucket): 0 for a version
 * it does not know, whose scores cannot be read as 0..1.
 */
export function normalizedRowSum(
  configs: ReadonlyMap<string, ScoreConfig>,
  row: { v: string; total: number | string | null; scored: number | string },
): number {
  const config = configs.get(row.v);
  return config ? normalizedSum(config, Number(row.total ?? 0), Number(row.scored)) : 0;
}
