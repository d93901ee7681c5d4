import { PROVIDER_IDS, type ProviderId } from '../../shared/contract';
import { AssayError } from '../../shared/errors';
import type { DatasetService, SpanVariables } from '../evals/datasets/dataset-service';
import type { EventBus } from '../kit/event-bus';
import type { LlmService } from '../llm/llm-service';
import type { PromptService } from '../prompts/prompt-service';
import { BacktestService, type BacktestDeps } from '../quality/backtests/backtest-service';
import type { ScorecardScorer } from '../quality/eval-scoring/scorecard-scorer';
import type { QualityService } from '../quality/quality-service';
import type { Store } from '../store/store';
import { applyPromptRef } from '../tracing/actions/apply-prompt';
import { interactionVars } from '../tracing/actions/interaction-case';
import { rerunRequest } from '../tracing/actions/rerun-request';
import type { SpanRecord } from '../tracing/span-record';
import type { TracingService } from '../tracing/tracing-service';

const isProvider = (id: string): id is ProviderId =>
  (PROVIDER_IDS as readonly string[]).includes(id);

export interface BacktestWiring {
  readonly store: Store;
  readonly events: EventBus;
  readonly llm: LlmService;
  readonly prompts: PromptService;
  readonly datasets: DatasetService;
  readonly tracing: TracingService;
  readonly quality: QualityService;
  readonly scorer: ScorecardScorer;
  readonly variables: SpanVariables;
  readonly raiseAlert: BacktestDeps['raiseAlert'];
  readonly onError: BacktestDeps['onError'];
  readonly metrics?: BacktestDeps['metrics'];
}

/**
 * The backtests domain reaches traces, prompts, datasets, prices and the call path only through
 * their services: this is where those doors are handed to it (as runs are handed a scorer).
 */
export function createBacktests(w: BacktestWiring): BacktestService {
  const { llm, prompts, tracing, datasets } = w;
  const spansOf = async (interaction: { spanIds: readonly string[]; traceId: string | null }) => {
    let spans: SpanRecord[] = [];
    if (interaction.spanIds.length > 0) {
      const found = await Promise.all(interaction.spanIds.map((id) => tracing.span(id)));
      spans = found.filter((s): s is SpanRecord => s !== null);
    }
    if (spans.length === 0 && interaction.traceId)
      spans = await tracing.spansOfTrace(interaction.traceId);
    return spans;
  };
  return new BacktestService({
    store: w.store,
    events: w.events,
    scorer: w.scorer,
    sources: {
      listInteractions: (filter, offset, limit) =>
        tracing.listInteractions({ filter, offset, limit }),
      traceErrors: (ids) => tracing.traceErrors(ids),
      spans: spansOf,
      variables: async (span) => (await w.variables(span))?.vars ?? null,
      promptVersions: async (ref) =>
        ref.includes('@')
          ? new Set([(await prompts.resolveRef(ref)).versionId])
          : new Set((await prompts.versions(ref)).map((v) => v.id)),
      scorecardMeans: (scorecard, ids) => w.quality.interactionMeans(scorecard, ids),
    },
    seam: {
      request: (call, overrides, where) => rerunRequest(call, overrides, where),
      applyPrompt: (spanId, vars, request, versionId, where) =>
        applyPromptRef(spanId, vars, request, versionId, prompts, where),
      render: async (versionId, vars) => {
        const found = await prompts.resolveRef(versionId);
        const rendered = await prompts.render(
          found.name,
          { version: found.version },
          { variables: vars, placeholders: {} },
        );
        return { messages: rendered.messages, config: rendered.config };
      },
      promptOf: async (versionId) => (await prompts.resolveRef(versionId)).name,
      call: (input) => llm.call(input),
    },
    matcherContext: (signal, runId) => ({
      signal,
      judge: (req) =>
        llm.judge(req, {
          signal,
          spanName: 'backtest judge',
          attributes: { backtestRunId: runId },
        }),
    }),
    costOf: (provider, model, usage) =>
      isProvider(provider) ? llm.costOf(provider, model, usage) : Promise.resolve(null),
    prompts: {
      resolveRef: (ref) => prompts.resolveRef(ref),
      authors: async (ids) =>
        new Map([...(await prompts.versionNames(ids))].map(([id, v]) => [id, v.author])),
      configModel: async (versionId) => {
        const found = await prompts.resolveRef(versionId);
        const { version } = await prompts.get(found.name, { version: found.version });
        const config = 'config' in version.content ? version.content.config : undefined;
        return { provider: config?.provider, model: config?.model };
      },
    },
    datasets: {
      cases: async (ref) => {
        const dataset = await datasets.find(ref, 'backtests.sets.create');
        const cases = await datasets.liveCases(dataset.id);
        return {
          datasetId: dataset.id,
          name: dataset.name,
          cases: cases.map((c) => ({
            id: c.id,
            vars: { ...c.vars },
            expected: c.expected ?? null,
          })),
        };
      },
      addCases: async (name, cases) => {
        try {
          await datasets.find(name, 'backtests.runs.exportCases');
        } catch (err) {
          if (!(err instanceof AssayError) || err.code !== 'NOT_FOUND') throw err;
          await datasets.create({
            name,
            interactionType: 'chat',
            description: 'Cases exported from backtests',
            tags: ['backtest'],
          });
        }
        const added = await datasets.addCases(
          name,
          cases.map((c) => ({
            vars: c.vars,
            matchers: [],
            tags: c.tags,
            description: c.description,
            ...(c.expected === undefined ? {} : { expected: c.expected as never }),
          })),
        );
        return added.length;
      },
    },
    countInteractions: (filter) => tracing.countInteractions(filter),
    interactionVars: (input) => interactionVars(input, 'backtests.runs.exportCases'),
    raiseAlert: w.raiseAlert,
    onError: w.onError,
    metrics: w.metrics,
  });
}
