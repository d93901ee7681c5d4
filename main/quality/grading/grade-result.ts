import { picoToUsd } from '../../../shared/money';

/**
 * What one grader version said about one target. `scored` carries a value its score config
 * holds; `unscored` means the grader ran but could not judge this target (no output, no
 * reference, an unreadable judge reply, a scorer that threw); `error` means the grader itself
 * could not run (a definition its config cannot score, no judge wired, a failed judge call).
 * Neither of the last two has a value: neither is ever read as a pass or a 0.
 */
export type GradeStatus = 'scored' | 'unscored' | 'error';

export interface GradeResult {
  readonly status: GradeStatus;
  /** On the grader's score config: a numeric value, a level's value, or 1/0. */
  readonly value: number | null;
  /** The level's name, for a categorical config. */
  readonly level: string | null;
  readonly reason: string;
  /**
   * What grading itself cost (judge calls, embeddings), apart from the target's own cost: 0 when
   * nothing was called, null when a call was made but is unpriced.
   */
  readonly costUsd: number | null;
}

export function scored(
  value: number,
  level: string | null,
  reason: string,
  costUsd: number | null = 0,
): GradeResult {
  return { status: 'scored', value, level, reason, costUsd };
}

export function unscored(reason: string, costUsd: number | null = 0): GradeResult {
  return { status: 'unscored', value: null, level: null, reason, costUsd };
}

export function gradeError(reason: string, costUsd: number | null = 0): GradeResult {
  return { status: 'error', value: null, level: null, reason, costUsd };
}

/** Pico-dollars (the core's money unit) as the USD a score reports; null stays unpriced. */
export function usdOf(pico: number | null | undefined): number | null {
  return pico === null || pico === undefined ? null : picoToUsd(pico);
}

/** A thrown value's message, for a reason. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
