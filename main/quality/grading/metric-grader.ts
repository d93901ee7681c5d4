import type { DeterministicCheck, ScoreConfig } from '../../../shared/contract/quality';
import { formatUsd, PICO_PER_USD } from '../../../shared/money';
import { runMatcher } from '../../evals/matchers/registry';
import { resolveScore } from '../scoring/resolve-score';
import { scored, unscored, type GradeResult } from './grade-result';
import type { GradingTarget } from './grading-target';
import { matchSubjectOf } from './matcher-grader';

/**
 * A deterministic grader that reads one of the target's own measurements. With min/max it says
 * whether the measurement lies within them (boolean config); without, the measurement is the
 * score and must fit the numeric config's range: a latency past the scale is unscored with
 * that said, not clamped to the scale's end.
 */

type MetricCheck = Extract<DeterministicCheck, { type: 'metric' }>;
type Reading =
  | { readonly ok: true; readonly value: number; readonly shown: string }
  | {
      readonly ok: false;
      readonly reason: string;
    };

/** Characters as a person counts them: code points, so an emoji is one. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A low surrogate after a high one is the second half of one character.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) n--;
    }
  }
  return n;
}

/** Strict: the whole reply must be JSON, as the is-json matcher without `extract` says. */
const IS_JSON = Object.freeze({ type: 'is-json' });

async function read(metric: MetricCheck['metric'], target: GradingTarget): Promise<Reading> {
  switch (metric) {
    case 'output_chars':
      if (target.output === null) return { ok: false, reason: 'no output to measure' };
      return {
        ok: true,
        value: codePoints(target.output),
        shown: `${codePoints(target.output)} characters`,
      };
    case 'latency_ms':
      if (target.latencyMs === null)
        return { ok: false, reason: 'no latency recorded for this target' };
      return { ok: true, value: target.latencyMs, shown: `latency ${target.latencyMs} ms` };
    case 'cost_usd':
      if (target.costUsd === null)
        return {
          ok: false,
          reason: 'unpriced: the target has no cost (its model has no price in the catalog)',
        };
      return {
        ok: true,
        value: target.costUsd,
        shown: `cost ${formatUsd(Math.round(target.costUsd * PICO_PER_USD))}`,
      };
    case 'tool_call_count':
      if (target.toolCallCount === null)
        return { ok: false, reason: 'the target does not record its tool calls' };
      return { ok: true, value: target.toolCallCount, shown: `${target.toolCallCount} tool calls` };
    case 'json_valid': {
      if (target.output === null) return { ok: false, reason: 'no output to check' };
      const result = await runMatcher(IS_JSON, matchSubjectOf(target, target.output));
      return { ok: true, value: result.pass ? 1 : 0, shown: result.reason };
    }
  }
}

function boundsText(check: MetricCheck): string {
  if (check.min !== undefined && check.max !== undefined) return `${check.min}..${check.max}`;
  return check.min !== undefined ? `at least ${check.min}` : `at most ${check.max}`;
}

export async function gradeWithMetric(
  check: MetricCheck,
  config: ScoreConfig,
  target: GradingTarget,
): Promise<GradeResult> {
  const reading = await read(check.metric, target);
  if (!reading.ok) return unscored(reading.reason);
  if (check.metric === 'json_valid') return scored(reading.value, null, reading.shown);
  if (check.min !== undefined || check.max !== undefined) {
    const within =
      (check.min === undefined || reading.value >= check.min) &&
      (check.max === undefined || reading.value <= check.max);
    return scored(
      within ? 1 : 0,
      null,
      `${reading.shown} is ${within ? 'within' : 'outside'} ${boundsText(check)}`,
    );
  }
  const fits = resolveScore(config, { value: reading.value });
  if (!fits.ok) return unscored(`${reading.shown}: ${fits.reason}`);
  return scored(fits.value, fits.level, reading.shown);
}
