import type { ParsedInput } from '../../../shared/contract';
import { newId } from '../../kit/ids';
import type { FrozenPrompt } from '../../prompts/render';
import type { ScorecardPin } from '../../quality/eval-scoring/scorecard-scorer';
import type { CaseRecord, DatasetRecord } from '../datasets/dataset-rows';
import { caseKeys } from './case-key';
import type { RunCaseRecord, RunRecord } from './run-rows';
import { matchersOf, type RunScorers } from './run-scorers';

export const DEFAULT_CONCURRENCY = 20;

type StartInput = ParsedInput<'evals.start'>;

/** The prompt a run renders, frozen at start, and how its runs are labelled. */
export interface RunPrompt {
  readonly frozen: FrozenPrompt;
  readonly versionId: string | null;
  readonly label: string;
}

/** An inline prompt (`template`, optional `system`) frozen as a one-off version. */
export function inlinePrompt(prompt: { template: string; system?: string }): RunPrompt {
  const messages = [
    ...(prompt.system ? [{ role: 'system' as const, template: prompt.system }] : []),
    { role: 'user' as const, template: prompt.template },
  ];
  return {
    frozen: {
      promptVersion: 'inline',
      text: null,
      messages,
      defaults: {},
      config: {},
      components: [],
    },
    versionId: null,
    label: 'inline prompt',
  };
}

/**
 * One run per target (a group), each with a snapshot of every case: queued, not yet stored.
 * Cases align across runs by their key (a hash of their variables).
 */
export function newRuns(
  input: StartInput,
  dataset: DatasetRecord,
  cases: readonly CaseRecord[],
  prompt: RunPrompt,
  scorers: RunScorers | null = null,
  scorecard: ScorecardPin | null = null,
): { groupId: string; runs: { run: RunRecord; cases: RunCaseRecord[] }[] } {
  const keys = caseKeys(cases.map((c) => c.vars));
  const groupId = newId();
  const createdAt = new Date().toISOString();
  const runs = input.targets.map((target) => {
    const id = newId();
    const run: RunRecord = {
      id,
      groupId,
      name: input.name ?? `${input.dataset} · ${prompt.label} · ${target.provider}:${target.model}`,
      datasetId: dataset.id,
      promptVersionId: prompt.versionId,
      promptLabel: prompt.label,
      frozen: prompt.frozen,
      interactionType: dataset.interactionType,
      provider: target.provider,
      model: target.model,
      parameters: {
        temperature: target.temperature,
        maxTokens: target.maxTokens,
        embeddingModel: input.embeddingModel,
        judgeModel: input.judgeModel,
        ...(scorers ? { scorers } : {}),
        ...(scorecard ? { scorecard } : {}),
      },
      status: 'queued',
      concurrency: input.concurrency ?? DEFAULT_CONCURRENCY,
      repeat: input.repeat ?? 1,
      bypassCache: input.bypassCache === true,
      totalCases: cases.length,
      createdAt,
      startedAt: null,
      finishedAt: null,
      error: null,
    };
    const snapshots: RunCaseRecord[] = cases.map((c, i) => ({
      runId: id,
      caseKey: keys[i]!,
      position: c.position,
      revision: c.revision,
      vars: { ...c.vars },
      expected: c.expected,
      // The run's scorers are applied here: the snapshot is what the runner scores with.
      matchers: matchersOf(c.matchers, scorers),
    }));
    return { run, cases: snapshots };
  });
  return { groupId, runs };
}
