import type { ScoreConfig } from '../../../shared/contract/quality';
import { describeLevels, levelNamed, levelWithValue, normalizeScore } from './normalize';

/**
 * A score as given (a number, true/false, or a level's name: from a judge, a code grader, an app
 * or a reviewer) read against its config: the stored value, the level's canonical name, and
 * the 0..1 reading. One reading for every source, so a level a judge names and the same level a
 * reviewer picks are one score.
 */
export interface GivenScore {
  readonly value?: number | boolean | undefined;
  readonly level?: string | undefined;
}

export type ResolvedScore =
  | {
      readonly ok: true;
      readonly value: number;
      readonly level: string | null;
      readonly normalized: number;
    }
  | { readonly ok: false; readonly reason: string };

const refused = (reason: string): ResolvedScore => ({ ok: false, reason });

function kindOf(config: ScoreConfig): string {
  if (config.type === 'categorical') return `categorical (levels ${describeLevels(config)})`;
  if (config.type === 'numeric') return `numeric (${config.min}..${config.max})`;
  return 'boolean';
}

export function resolveScore(config: ScoreConfig, given: GivenScore): ResolvedScore {
  if (given.level !== undefined) {
    if (config.type !== 'categorical')
      return refused(`level "${given.level}" given, but the score is ${kindOf(config)}`);
    const level = levelNamed(config, given.level);
    if (level === undefined)
      return refused(`"${given.level}" is not a level (${describeLevels(config)})`);
    const read = normalizeScore(config, level.value);
    return read.ok
      ? { ok: true, value: level.value, level: level.name, normalized: read.score }
      : refused(read.reason);
  }
  const { value } = given;
  if (value === undefined) return refused('no value or level given');
  if (typeof value === 'boolean') {
    if (config.type !== 'boolean')
      return refused(`${value} given, but the score is ${kindOf(config)}`);
    return { ok: true, value: value ? 1 : 0, level: null, normalized: value ? 1 : 0 };
  }
  const read = normalizeScore(config, value);
  if (!read.ok) return refused(read.reason);
  const level =
    config.type === 'categorical' ? (levelWithValue(config, value)?.name ?? null) : null;
  return { ok: true, value, level, normalized: read.score };
}
