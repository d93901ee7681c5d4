import type { ProviderId } from '../../../shared/contract';
import type { FrozenPrompt } from '../../prompts/render';
import type { MatcherSpec } from '../types';
import type { ResultRow, RunCaseRow, RunRow } from './run-store';

/**
 * The JSON columns of runs, their case snapshots and results, read in one place each. The
 * columns are only ever written by this domain from values of these shapes, so they are read
 * back as such (an async, schema-checked storage layer replaces this in issue 11).
 */

/** What a run was asked for besides its prompt and target. */
export interface RunParameters {
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly embeddingModel?: { readonly provider: ProviderId; readonly model: string };
  readonly judgeModel?: { readonly provider: ProviderId; readonly model: string };
}

export function parametersOf(run: RunRow): RunParameters {
  return JSON.parse(run.parameters_json) as RunParameters;
}

export function frozenPromptOf(run: RunRow): FrozenPrompt {
  return JSON.parse(run.frozen_prompt_json) as FrozenPrompt;
}

/** A case as the run snapshotted it. `expected` undefined: the case expects nothing. */
export interface CaseSnapshot {
  readonly vars: Record<string, string>;
  readonly expected: unknown;
  readonly matchers: MatcherSpec[];
}

export function snapshotOf(row: RunCaseRow): CaseSnapshot {
  return {
    vars: JSON.parse(row.vars_json) as Record<string, string>,
    expected: row.expected_json === null ? undefined : (JSON.parse(row.expected_json) as unknown),
    matchers: JSON.parse(row.matchers_json) as MatcherSpec[],
  };
}

/** One matcher's outcome as a result stores it (runner.ts writes it). */
export interface StoredMatcher {
  readonly type: string;
  readonly pass: boolean;
  /** Present (true) only when the matcher could not judge. */
  readonly unscored?: boolean;
  readonly score: number;
  readonly reason: string;
  readonly costPicoUsd: number | null;
  /** Kept for classification matchers only: `predicted` and `expected` labels. */
  readonly details?: { readonly predicted?: unknown; readonly expected?: unknown };
}

export function storedMatchersOf(row: Pick<ResultRow, 'matchers_json'>): StoredMatcher[] {
  return JSON.parse(row.matchers_json) as StoredMatcher[];
}
