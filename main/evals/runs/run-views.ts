import type { ResultView, RunView } from '../../../shared/contract';
import { picoToUsd } from '../../../shared/money';
import {
  storedMatchersOf,
  type ResultRecord,
  type RunCaseRecord,
  type RunParameters,
  type RunRecord,
} from './run-rows';

function scorersView({ scorers, scorecard }: RunParameters): RunView['scorers'] {
  if (!scorers && !scorecard) return null;
  return {
    useDatasetMatchers: scorers?.useDatasetMatchers ?? true,
    skip: [...(scorers?.skip ?? [])],
    add: [...(scorers?.add ?? [])],
    scorecard: scorecard
      ? { id: scorecard.id, name: scorecard.name, version: scorecard.version }
      : null,
  };
}

/**
 * A run as the contract shows it. `executing`: this process runs it now. A run stored as
 * running that no process here executes was interrupted; it can be resumed.
 */
export function runView(
  run: RunRecord,
  extra: {
    readonly dataset: string | null;
    readonly executing: boolean;
    readonly totals: RunView['totals'];
  },
): RunView {
  const interrupted = run.status === 'running' && !extra.executing;
  return {
    id: run.id,
    groupId: run.groupId,
    name: run.name,
    status: interrupted ? 'failed' : run.status,
    dataset: extra.dataset,
    interactionType: run.interactionType as RunView['interactionType'],
    prompt: run.promptLabel,
    promptVersion: run.frozen.promptVersion === 'inline' ? null : run.frozen.promptVersion,
    components: run.frozen.components,
    provider: run.provider as RunView['provider'],
    model: run.model,
    concurrency: run.concurrency,
    repeat: run.repeat,
    useCache: !run.bypassCache,
    judgeModel: run.parameters.judgeModel ?? null,
    embeddingModel: run.parameters.embeddingModel ?? null,
    scorers: scorersView(run.parameters),
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    error: interrupted ? 'interrupted: resume it to finish' : run.error,
    totals: extra.totals,
  };
}

export function resultView(r: ResultRecord, c: RunCaseRecord): ResultView {
  return {
    id: r.id,
    caseKey: r.caseKey,
    position: c.position,
    repeatIndex: r.repeatIndex,
    status: r.status,
    score: r.score,
    vars: c.vars,
    expected: c.expected ?? null,
    output: r.output,
    matchers: storedMatchersOf(r).map((m) => ({
      type: m.type,
      pass: m.pass,
      unscored: m.unscored === true,
      score: m.score,
      reason: m.reason,
      costUsd: m.costPicoUsd === null ? null : picoToUsd(m.costPicoUsd),
      ...(m.graders ? { graders: m.graders.map((g) => ({ ...g })) } : {}),
    })),
    latencyMs: r.latencyMs,
    inputTokens: r.inputTokens,
    outputTokens: r.outputTokens,
    costUsd: r.costPicoUsd === null ? null : picoToUsd(r.costPicoUsd),
    judgeCostUsd: picoToUsd(r.judgeCostPicoUsd),
    cached: r.cached,
    spanId: r.spanId,
    error: r.errorCode ? { code: r.errorCode, message: r.errorMessage ?? '' } : null,
  };
}
