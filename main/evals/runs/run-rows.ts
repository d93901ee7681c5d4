import type { Insertable, Selectable } from 'kysely';
import type { ProviderId, ResultStatus } from '../../../shared/contract';
import type { FrozenPrompt } from '../../prompts/render';
import { readJson, readJsonOrNull, writeJson } from '../../store/json-column';
import type { GraderOutcome, ScorecardPin } from '../../quality/eval-scoring/scorecard-scorer';
import type { RunScorers } from './run-scorers';
import type { EvalResultTable, EvalRunCaseTable, EvalRunTable } from '../../store/schema';
import type { MatcherSpec } from '../types';

/**
 * Runs, their case snapshots and results as rows and as records: one converter each way per
 * entity, and the only place their JSON columns are parsed. The columns are only ever written
 * by this domain from values of these shapes, so they are read back as such.
 */

export type RunStatus = 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';

/** What a run was asked for besides its prompt and target. */
export interface RunParameters {
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly embeddingModel?: { readonly provider: ProviderId; readonly model: string };
  readonly judgeModel?: { readonly provider: ProviderId; readonly model: string };
  /** Chosen at start (evals.start `scorers`); absent: the cases' own matchers. */
  readonly scorers?: RunScorers;
  /** The scorecard every case is graded with, pinned at start (`scorers.scorecard`). */
  readonly scorecard?: ScorecardPin;
}

export interface RunRecord {
  readonly id: string;
  readonly groupId: string;
  readonly name: string;
  readonly datasetId: string | null;
  readonly promptVersionId: string | null;
  readonly promptLabel: string;
  readonly frozen: FrozenPrompt;
  readonly interactionType: string;
  readonly provider: string;
  readonly model: string;
  readonly parameters: RunParameters;
  readonly status: RunStatus;
  readonly concurrency: number;
  readonly repeat: number;
  readonly bypassCache: boolean;
  readonly totalCases: number;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

export function toRun(row: Selectable<EvalRunTable>): RunRecord {
  return {
    id: row.id,
    groupId: row.group_id,
    name: row.name,
    datasetId: row.dataset_id,
    promptVersionId: row.prompt_version_id,
    promptLabel: row.prompt_label,
    frozen: readJson<FrozenPrompt>(row.frozen_prompt_json),
    interactionType: row.interaction_type,
    provider: row.provider,
    model: row.model,
    parameters: readJson<RunParameters>(row.parameters_json),
    // The column's CHECK constraint allows exactly these values.
    status: row.status as RunStatus,
    concurrency: row.concurrency,
    repeat: row.repeat,
    bypassCache: row.bypass_cache === 1,
    totalCases: row.total_cases,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error,
  };
}

export function runRow(run: RunRecord): Insertable<EvalRunTable> {
  return {
    id: run.id,
    group_id: run.groupId,
    name: run.name,
    dataset_id: run.datasetId,
    prompt_version_id: run.promptVersionId,
    prompt_label: run.promptLabel,
    frozen_prompt_json: writeJson(run.frozen),
    interaction_type: run.interactionType,
    provider: run.provider,
    model: run.model,
    parameters_json: writeJson(run.parameters),
    status: run.status,
    concurrency: run.concurrency,
    repeat: run.repeat,
    bypass_cache: run.bypassCache ? 1 : 0,
    total_cases: run.totalCases,
    created_at: run.createdAt,
    started_at: run.startedAt,
    finished_at: run.finishedAt,
    error: run.error,
  };
}

/** A case as the run snapshotted it. `expected` undefined: the case expects nothing. */
export interface RunCaseRecord {
  readonly runId: string;
  readonly caseKey: string;
  readonly position: number;
  readonly revision: number;
  readonly vars: Record<string, string>;
  readonly expected: unknown;
  readonly matchers: MatcherSpec[];
}

export function toRunCase(row: Selectable<EvalRunCaseTable>): RunCaseRecord {
  return {
    runId: row.run_id,
    caseKey: row.case_key,
    position: row.position,
    revision: row.revision,
    vars: readJson<Record<string, string>>(row.vars_json),
    expected: readJsonOrNull<unknown>(row.expected_json) ?? undefined,
    matchers: readJson<MatcherSpec[]>(row.matchers_json),
  };
}

export function runCaseRow(c: RunCaseRecord): Insertable<EvalRunCaseTable> {
  return {
    run_id: c.runId,
    case_key: c.caseKey,
    position: c.position,
    revision: c.revision,
    vars_json: writeJson(c.vars),
    // JSON null is never stored as an expectation: no expectation is SQL NULL.
    expected_json: c.expected === undefined || c.expected === null ? null : writeJson(c.expected),
    matchers_json: writeJson(c.matchers),
  };
}

/** One matcher's outcome as a result stores it (record-result.ts writes it). */
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
  /** A scorecard's outcome (type `scorecard`): what each grader said. */
  readonly graders?: readonly GraderOutcome[];
}

export interface ResultRecord {
  readonly id: string;
  readonly runId: string;
  readonly caseKey: string;
  readonly repeatIndex: number;
  readonly status: ResultStatus;
  /** null when unscored or an error: no verdict, so no number that would read as one. */
  readonly score: number | null;
  readonly output: string | null;
  /**
   * The matchers' outcomes as stored, parsed on demand by storedMatchersOf: totals read every
   * result of a run and need them only for classification (parsing 5,000 results' matchers
   * at the end of a run was its peak of memory).
   */
  readonly matchersJson: string;
  readonly latencyMs: number | null;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costPicoUsd: number | null;
  readonly judgeCostPicoUsd: number;
  readonly cached: boolean;
  readonly spanId: string | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly createdAt: string;
}

export function toResult(row: Selectable<EvalResultTable>): ResultRecord {
  return {
    id: row.id,
    runId: row.run_id,
    caseKey: row.case_key,
    repeatIndex: row.repeat_index,
    // The column's CHECK constraint allows exactly these values.
    status: row.status as ResultStatus,
    score: row.score,
    output: row.output,
    matchersJson: row.matchers_json,
    latencyMs: row.latency_ms,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    costPicoUsd: row.cost_pico_usd,
    judgeCostPicoUsd: row.judge_cost_pico_usd,
    cached: row.cached === 1,
    spanId: row.span_id,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    createdAt: row.created_at,
  };
}

export function resultRow(r: ResultRecord): Insertable<EvalResultTable> {
  return {
    id: r.id,
    run_id: r.runId,
    case_key: r.caseKey,
    repeat_index: r.repeatIndex,
    status: r.status,
    score: r.score,
    output: r.output,
    matchers_json: r.matchersJson,
    latency_ms: r.latencyMs,
    input_tokens: r.inputTokens,
    output_tokens: r.outputTokens,
    cost_pico_usd: r.costPicoUsd,
    judge_cost_pico_usd: r.judgeCostPicoUsd,
    cached: r.cached ? 1 : 0,
    span_id: r.spanId,
    error_code: r.errorCode,
    error_message: r.errorMessage,
    created_at: r.createdAt,
  };
}

/** The stored JSON of matchers' outcomes (what a result's `matchersJson` holds). */
export function matchersJsonOf(matchers: readonly StoredMatcher[]): string {
  return writeJson(matchers);
}

export function storedMatchersOf(result: Pick<ResultRecord, 'matchersJson'>): StoredMatcher[] {
  return readJson<StoredMatcher[]>(result.matchersJson);
}
