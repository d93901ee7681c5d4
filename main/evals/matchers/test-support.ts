import { ZERO_USAGE } from '../../llm/types';
import type { MatchResult, MatchSubject } from '../types';
import type { MatcherContext } from './core/definition';
import { runMatcher } from './registry';

/** A subject with harmless defaults; tests override what they exercise. */
export function subject(text: string, over: Partial<MatchSubject> = {}): MatchSubject {
  return { text, vars: {}, latencyMs: 100, costPicoUsd: 1_000_000, usage: ZERO_USAGE, ...over };
}

/** Runs a raw matcher against a text. */
export function run(
  spec: Record<string, unknown> & { type: string },
  text: string,
  over: Partial<MatchSubject> = {},
  ctx: MatcherContext = {},
): Promise<MatchResult> {
  return runMatcher(spec, subject(text, over), ctx);
}
