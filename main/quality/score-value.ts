import type { ScoreConfig } from '../../shared/contract/quality';
import type { FieldIssue } from '../../shared/errors';

/** What a caller gave: a value (a number or a boolean) or a categorical level's name. */
export interface GivenScore {
  readonly value?: number | boolean;
  readonly level?: string;
}

/** What is stored: the number every chart and mean reads, and the level's name if any. */
export interface StoredScore {
  readonly value: number;
  readonly level: string | null;
}

export type ScoreCheck =
  | { readonly ok: true; readonly score: StoredScore }
  | { readonly ok: false; readonly issue: FieldIssue };

const refuse = (path: 'value' | 'level', message: string): ScoreCheck => ({
  ok: false,
  issue: { path, message },
});

const levelList = (config: Extract<ScoreConfig, { type: 'categorical' }>): string =>
  config.levels.map((l) => `"${l.name}" (${l.value})`).join(', ');

/** Booleans are stored as 1 and 0, so a pass rate is the mean of the values. */
const fromBoolean = (value: boolean): number => (value ? 1 : 0);

/** -0 is stored as 0: the same number, and never a distinct value in a chart or a retry. */
const plain = (value: number): number => (value === 0 ? 0 : value);

/**
 * Checks a score against a grader's score config and gives what is stored:
 * - numeric: a number within [min, max], as given;
 * - categorical: one of the levels, by name (any letter case) or by its value; the value is
 *   the level's, the name the level's own spelling;
 * - boolean: true or false (or 1 and 0, as apps often send them), stored as 1 and 0.
 * Anything else is refused with the field it concerns and what would be accepted.
 */
export function checkScore(config: ScoreConfig, given: GivenScore): ScoreCheck {
  switch (config.type) {
    case 'numeric': {
      if (given.level !== undefined)
        return refuse(
          'level',
          `a numeric grader takes a value from ${config.min} to ${config.max}, not a level`,
        );
      const value = given.value;
      if (typeof value !== 'number' || value < config.min || value > config.max)
        return refuse('value', `must be a number from ${config.min} to ${config.max}`);
      return { ok: true, score: { value: plain(value), level: null } };
    }
    case 'categorical': {
      if (given.level !== undefined) {
        const wanted = given.level.toLowerCase();
        const level = config.levels.find((l) => l.name.toLowerCase() === wanted);
        if (!level) return refuse('level', `must be one of ${levelList(config)}`);
        return { ok: true, score: { value: level.value, level: level.name } };
      }
      const level = config.levels.find((l) => l.value === given.value);
      if (!level) return refuse('value', `must be the value of a level: ${levelList(config)}`);
      return { ok: true, score: { value: level.value, level: level.name } };
    }
    case 'boolean': {
      if (given.level !== undefined)
        return refuse('level', 'a boolean grader takes true or false as its value, not a level');
      const value = given.value;
      if (typeof value === 'boolean')
        return { ok: true, score: { value: fromBoolean(value), level: null } };
      if (value === 0 || value === 1)
        return { ok: true, score: { value: plain(value), level: null } };
      return refuse('value', 'must be true or false (or 1 or 0)');
    }
  }
}

/**
 * An app's own signal, with no grader to check it against: its value as given (booleans as
 * 1 and 0). A level needs a categorical grader to mean something, so a signal carries a value.
 */
export function checkSignal(given: GivenScore): ScoreCheck {
  if (given.level !== undefined || given.value === undefined)
    return refuse('level', 'a level needs a categorical grader (graderId); a signal has a value');
  const value = typeof given.value === 'boolean' ? fromBoolean(given.value) : plain(given.value);
  return { ok: true, score: { value, level: null } };
}
