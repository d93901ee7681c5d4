import type { ScoreConfig } from '../../../shared/contract/quality';
import { levelNamed } from '../scoring/normalize';
import { resolveScore, type GivenScore } from '../scoring/resolve-score';

/**
 * Reads a loosely typed answer (what a code grader returned, a field of a judge's JSON) as a
 * score for a config: a number is a value, true/false a boolean, text a level's name (or a
 * number or true/false written as text, as judges write them).
 */

const TRUE_WORDS = new Set(['true', 'yes', 'pass', 'passed']);
const FALSE_WORDS = new Set(['false', 'no', 'fail', 'failed']);

export function givenScoreOf(answer: unknown, config: ScoreConfig): GivenScore | undefined {
  if (typeof answer === 'number') return { value: answer };
  if (typeof answer === 'boolean') return { value: answer };
  if (typeof answer !== 'string') return undefined;
  const text = answer.trim();
  if (text === '') return undefined;
  const n = Number(text);
  if (config.type === 'categorical')
    return levelNamed(config, text) === undefined && Number.isFinite(n)
      ? { value: n }
      : { level: text };
  if (config.type === 'boolean') {
    const word = text.toLowerCase();
    if (TRUE_WORDS.has(word)) return { value: true };
    if (FALSE_WORDS.has(word)) return { value: false };
  }
  return Number.isFinite(n) ? { value: n } : undefined;
}

function expectedAnswer(config: ScoreConfig): string {
  if (config.type === 'categorical') return 'a level';
  if (config.type === 'numeric') return `a number from ${config.min} to ${config.max}`;
  return 'true or false';
}

/** What an answer was, for a reason: `"Close"`, `7`, `true`. */
export function shown(answer: unknown): string {
  if (typeof answer !== 'string' && (typeof answer !== 'object' || answer === null))
    return String(answer);
  const text = JSON.stringify(answer) ?? String(answer);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

export type FittedAnswer =
  | { readonly ok: true; readonly value: number; readonly level: string | null }
  | { readonly ok: false; readonly reason: string };

/** The answer as a value (and level) of the config, or why it is none. */
export function fitAnswer(answer: unknown, config: ScoreConfig): FittedAnswer {
  const given = givenScoreOf(answer, config);
  if (given === undefined)
    return { ok: false, reason: `${shown(answer)} is not ${expectedAnswer(config)}` };
  const resolved = resolveScore(config, given);
  return resolved.ok
    ? { ok: true, value: resolved.value, level: resolved.level }
    : { ok: false, reason: resolved.reason };
}
