import type { ScoreConfig } from '../../../shared/contract/quality';
import { CALIBRATION_BINS } from '../../../shared/contract/quality-insights';
import { levelNamed, levelWithValue } from '../scoring/normalize';

/**
 * Scores as the labels agreement is counted on. Categorical: the level name. Boolean: `true` /
 * `false`. Numeric: CALIBRATION_BINS equal bins of the range (quarters), so a judge's 7 and a
 * person's 8 on 0..10 agree (both in 7.5..10 would; 7 is in 5..7.5): exact agreement on a
 * continuous scale would be near zero and say nothing. Bins are of each score's own range, so
 * a reference grader on 1..5 compares with a judge on 0..100 by position.
 */

export type Labelling = 'levels' | 'boolean' | 'bins';

export function labellingOf(config: ScoreConfig): Labelling {
  return config.type === 'categorical' ? 'levels' : config.type === 'boolean' ? 'boolean' : 'bins';
}

const short = (n: number) => String(Number(n.toPrecision(4)));

/** The matrix's labels in order: the display config's levels, true/false, or its bins. */
export function labelsOf(config: ScoreConfig): string[] {
  if (config.type === 'categorical') return config.levels.map((l) => l.name);
  if (config.type === 'boolean') return ['true', 'false'];
  const { min, max } = config;
  const at = (k: number) => min * (1 - k / CALIBRATION_BINS) + max * (k / CALIBRATION_BINS);
  return Array.from({ length: CALIBRATION_BINS }, (_, k) => `${short(at(k))}–${short(at(k + 1))}`);
}

/**
 * A score's label: read on its own version's config (`own`), named as the display config names
 * it. Null when it has no value or its config is of another type than the display's (a
 * grader's older version on another scale has nothing to compare).
 */
export function scoreLabel(
  own: ScoreConfig,
  display: ScoreConfig,
  value: number | null,
  level: string | null,
): string | null {
  if (value === null || own.type !== display.type) return null;
  if (own.type === 'categorical' && display.type === 'categorical') {
    const name = level ?? levelWithValue(own, value)?.name ?? null;
    if (name === null) return null;
    // Level names compare without case (the contract treats them so).
    return levelNamed(display, name)?.name ?? name;
  }
  if (own.type === 'boolean') return value === 1 ? 'true' : 'false';
  if (own.type !== 'numeric') return null;
  const span = own.max / 2 - own.min / 2;
  const position = (value / 2 - own.min / 2) / span;
  const bin = Math.min(CALIBRATION_BINS - 1, Math.max(0, Math.floor(position * CALIBRATION_BINS)));
  return labelsOf(display)[bin]!;
}
