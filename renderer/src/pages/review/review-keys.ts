import type { ScoreConfig } from '../../../../shared/contract';

/** One score a reviewer can give with a key (or a click), and what review.submit is sent. */
export interface ScoreChoice {
  /** The digit that gives it; null past the ninth level (a click still does). */
  readonly key: string | null;
  readonly label: string;
  /** The level's value, or what the choice means. */
  readonly detail: string | null;
  readonly description: string | null;
  readonly given: { readonly value: number | boolean } | { readonly level: string };
}

/** A numeric range this small gets one key per whole number: 1-5 stars are keys 1-5. */
const keyedRange = (min: number, max: number) =>
  Number.isInteger(min) && Number.isInteger(max) && min >= 0 && max <= 9;

/**
 * The choices of a score config, in the grader's order: a categorical grader's levels on keys
 * 1, 2, 3… (Bullseye first), a boolean's Yes on 1 and No on 2, a one-digit numeric range on
 * its own digits. Null for any other numeric range: the reviewer types the value.
 */
export function scoreChoices(config: ScoreConfig): ScoreChoice[] | null {
  switch (config.type) {
    case 'categorical':
      return config.levels.map((level, i) => ({
        key: i < 9 ? String(i + 1) : null,
        label: level.name,
        detail: String(level.value),
        description: level.description ?? null,
        given: { level: level.name },
      }));
    case 'boolean':
      return [
        { key: '1', label: 'Yes', detail: 'true', description: null, given: { value: true } },
        { key: '2', label: 'No', detail: 'false', description: null, given: { value: false } },
      ];
    case 'numeric': {
      if (!keyedRange(config.min, config.max)) return null;
      const choices: ScoreChoice[] = [];
      for (let v = config.min; v <= config.max; v++)
        choices.push({
          key: String(v),
          label: String(v),
          detail: null,
          description: null,
          given: { value: v },
        });
      return choices;
    }
  }
}

export type ReviewAction =
  | { readonly type: 'choose'; readonly index: number }
  | { readonly type: 'next' | 'previous' | 'comment' | 'value' | 'submit' | 'skip' | 'leave' };

/**
 * What a key press does on the review screen. In the comment or value box only Enter (submit;
 * Shift+Enter is a new line) and Escape (back to the keys) act, so typing stays typing.
 * Presses with Ctrl, Cmd or Alt are the browser's and never reach here.
 */
export function keyAction(
  key: string,
  context: {
    readonly inText: boolean;
    readonly shift: boolean;
    readonly choices: ScoreChoice[] | null;
  },
): ReviewAction | null {
  if (context.inText) {
    if (key === 'Enter' && !context.shift) return { type: 'submit' };
    if (key === 'Escape') return { type: 'leave' };
    return null;
  }
  switch (key.toLowerCase()) {
    case 'j':
      return { type: 'next' };
    case 'k':
      return { type: 'previous' };
    case 'c':
      return { type: 'comment' };
    case 's':
      return { type: 'skip' };
    case 'enter':
      return { type: 'submit' };
  }
  if (key.toLowerCase() === 'v' && context.choices === null) return { type: 'value' };
  const index = context.choices?.findIndex((c) => c.key === key) ?? -1;
  return index >= 0 ? { type: 'choose', index } : null;
}

/** The keys the screen lists, in the order a review goes. */
export function keyLegend(choices: ScoreChoice[] | null): { keys: string; does: string }[] {
  const keyed = choices?.filter((c) => c.key !== null) ?? [];
  const scoreKeys =
    keyed.length === 0
      ? { keys: 'V', does: 'type the score' }
      : { keys: `${keyed[0]!.key}–${keyed[keyed.length - 1]!.key}`, does: 'choose the score' };
  return [
    scoreKeys,
    { keys: 'C', does: 'comment (Esc leaves the box)' },
    { keys: 'Enter', does: 'complete and go to the next' },
    { keys: 'S', does: 'skip' },
    { keys: 'J / K', does: 'next / previous item' },
  ];
}
