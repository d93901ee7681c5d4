import type { ScoreConfig, ScoreLevel } from '../../../shared/contract/quality';

/**
 * How a score reads as 0..1 in a scorecard, per score config. A value the config cannot hold is
 * refused with a reason, never clamped: a latency of 12 s on a 0..10 s scale is not a 0, and a
 * judge's "80" on a 100/65/35/0 scale is not a level.
 */

export type Normalized =
  { readonly ok: true; readonly score: number } | { readonly ok: false; readonly reason: string };

type Categorical = Extract<ScoreConfig, { type: 'categorical' }>;
type Numeric = Extract<ScoreConfig, { type: 'numeric' }>;

const ok = (score: number): Normalized => ({ ok: true, score: Math.min(1, Math.max(0, score)) });
const refused = (reason: string): Normalized => ({ ok: false, reason });

/**
 * (value - low) / (high - low). When high - low overflows (bounds near ±1.8e308) the halves are
 * used instead; rounding is monotonic either way, so low gives 0, high gives 1 and order holds.
 */
function position(value: number, low: number, high: number): number {
  const span = high - low;
  if (Number.isFinite(span)) return (value - low) / span;
  return (value / 2 - low / 2) / (high / 2 - low / 2);
}

/** The lowest and highest level values: the ends of a categorical scale. */
export function levelBounds(levels: readonly ScoreLevel[]): { low: number; high: number } {
  let low = Infinity;
  let high = -Infinity;
  for (const level of levels) {
    if (level.value < low) low = level.value;
    if (level.value > high) high = level.value;
  }
  return { low, high };
}

/** A level by name; names differ case-insensitively (the contract checks it), so case is ignored. */
export function levelNamed(config: Categorical, name: string): ScoreLevel | undefined {
  const wanted = name.trim().toLowerCase();
  return config.levels.find((l) => l.name.toLowerCase() === wanted);
}

export function levelWithValue(config: Categorical, value: number): ScoreLevel | undefined {
  return config.levels.find((l) => l.value === value);
}

/** "Bullseye (100), One hop short (65)…": how reasons name a scale's levels. */
export function describeLevels(config: Categorical): string {
  return config.levels.map((l) => `${l.name} (${l.value})`).join(', ');
}

export function describeRange(config: Numeric): string {
  return `${config.min}..${config.max}`;
}

/** Reads a value on its config as 0..1, 1 the best; refuses a value the config cannot hold. */
export function normalizeScore(config: ScoreConfig, value: number): Normalized {
  if (!Number.isFinite(value)) return refused(`${value} is not a finite number`);
  switch (config.type) {
    case 'numeric': {
      if (value < config.min || value > config.max)
        return refused(`${value} is outside the score range ${describeRange(config)}`);
      const up = position(value, config.min, config.max);
      return ok(config.higherIsBetter ? up : 1 - up);
    }
    case 'categorical': {
      if (levelWithValue(config, value) === undefined)
        return refused(`${value} is not the value of a level (${describeLevels(config)})`);
      const { low, high } = levelBounds(config.levels);
      return ok(position(value, low, high));
    }
    case 'boolean':
      return value === 0 || value === 1
        ? ok(value)
        : refused(`${value} is not 1 (true) or 0 (false)`);
  }
}

export function isValidValue(config: ScoreConfig, value: number): boolean {
  return normalizeScore(config, value).ok;
}

export function isValidLevel(config: ScoreConfig, name: string): boolean {
  return config.type === 'categorical' && levelNamed(config, name) !== undefined;
}
