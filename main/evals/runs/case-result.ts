import { newId } from '../../kit/ids';
import { toErrorPayload } from '../../../shared/errors';
import type { CallResult } from '../../llm/call/call-llm';
import type { MatcherContext } from '../matchers/core/definition';
import { runMatcher, scoreCase } from '../matchers/registry';
import { prepareOutput } from '../strategies/registry';
import type { ScorecardGrade } from '../../quality/eval-scoring/scorecard-scorer';
import type { MatchResult, MatcherSpec } from '../types';
import {
  answerOf,
  SCORECARD_SPEC,
  scorecardMatch,
  scorecardStored,
  type GradeCase,
} from './case-scorecard';
import type { WorkItem } from './run-plan';
import { matchersJsonOf, type ResultRecord, type RunRecord, type StoredMatcher } from './run-rows';

function resultBase(run: RunRecord, { c, repeat }: WorkItem) {
  return {
    id: newId(),
    runId: run.id,
    caseKey: c.caseKey,
    repeatIndex: repeat,
    createdAt: new Date().toISOString(),
  };
}

/**
 * A case's answer scored by its matchers and, when the run has one, graded by its scorecard
 * (whose scores the caller stores with the result: `grade.scores` name the result's id).
 */
export async function scoredResult(
  run: RunRecord,
  item: WorkItem,
  call: CallResult,
  matchContext: MatcherContext,
  gradeCase?: GradeCase,
): Promise<{ result: ResultRecord; grade: ScorecardGrade | null }> {
  const base = resultBase(run, item);
  const { vars, expected, matchers } = item.c;
  const prepared = prepareOutput(run.interactionType, call.response.text);
  const subject = {
    text: prepared.text,
    json: prepared.json,
    expected,
    vars,
    latencyMs: call.latencyMs,
    costPicoUsd: call.costPicoUsd,
    usage: call.response.usage,
  };
  const results: MatchResult[] = [];
  for (const spec of matchers) results.push(await runMatcher(spec, subject, matchContext));
  const stored: StoredMatcher[] = results.map((r, i) => ({
    type: String(matchers[i]!.type),
    pass: r.pass,
    ...(r.unscored === true ? { unscored: true } : {}),
    score: r.score,
    reason: r.reason,
    costPicoUsd: r.costPicoUsd ?? null,
    ...(r.details && matchers[i]!.type === 'classification' ? { details: r.details } : {}),
  }));
  const specs: MatcherSpec[] = [...matchers];
  let grade: ScorecardGrade | null = null;
  if (gradeCase) {
    grade = await gradeCase(base.id, answerOf(run, item, call, prepared.text));
    results.push(scorecardMatch(grade));
    specs.push(SCORECARD_SPEC);
    stored.push(scorecardStored(grade));
  }
  const score = scoreCase(results, specs);
  const result: ResultRecord = {
    ...base,
    status: score.status,
    score: score.score,
    output: call.response.text,
    matchersJson: matchersJsonOf(stored),
    latencyMs: call.latencyMs,
    inputTokens: call.response.usage.inputTokens + call.response.usage.cacheReadTokens,
    outputTokens: call.response.usage.outputTokens,
    costPicoUsd: call.costPicoUsd,
    judgeCostPicoUsd: score.judgeCostPicoUsd,
    cached: call.cacheHit,
    spanId: call.spanId,
    errorCode: null,
    errorMessage: null,
  };
  return { result, grade };
}

/** The result of a case whose call (or rendering) failed. */
export function errorResult(run: RunRecord, item: WorkItem, err: unknown): ResultRecord {
  const e = toErrorPayload(err);
  return {
    ...resultBase(run, item),
    status: 'error',
    score: null,
    output: null,
    matchersJson: matchersJsonOf([]),
    latencyMs: null,
    inputTokens: 0,
    outputTokens: 0,
    costPicoUsd: null,
    judgeCostPicoUsd: 0,
    cached: false,
    spanId: null,
    errorCode: e.code,
    errorMessage: e.message,
  };
}
