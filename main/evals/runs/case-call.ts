import type { CallResult } from '../../llm/call/call-llm';
import type { LlmService } from '../../llm/llm-service';
import type { ChatRequest } from '../../llm/types';
import { renderFrozen } from '../../prompts/render';
import type { MatcherContext } from '../matchers/core/definition';
import type { WorkItem } from './run-plan';
import type { RunRecord } from './run-rows';

export type CallOutcome =
  | { readonly ok: true; readonly call: CallResult }
  | { readonly ok: false; readonly error: unknown };

/**
 * The model call of one case: the part the run's concurrency limits. Never throws: a case that
 * fails to render or to call is an outcome its result records.
 */
export async function callCase(
  llm: LlmService,
  run: RunRecord,
  { c, repeat }: WorkItem,
  signal: AbortSignal,
): Promise<CallOutcome> {
  try {
    const rendered = renderFrozen(run.frozen, { variables: c.vars, placeholders: {} });
    const call = await llm.call({
      request: {
        provider: run.provider as ChatRequest['provider'],
        model: run.model,
        messages: rendered.messages,
        temperature: run.parameters.temperature ?? rendered.config.temperature,
        maxTokens: run.parameters.maxTokens ?? rendered.config.maxTokens,
        responseFormat: rendered.config.responseFormat,
      },
      signal,
      // Repeats must reach the model each time: pass@k over cached copies would be meaningless.
      bypassCache: run.bypassCache || repeat > 0,
      // A run without the cache neither reads nor fills it, as `--no-cache` says.
      refreshCache: !run.bypassCache,
      spanName: 'eval case',
      attributes: { evalRunId: run.id, caseKey: c.caseKey, repeat },
      // Shown with the run's results, not in the Traces list.
      listed: false,
      // The runner stores the result (naming the span) after it, and awaits both commits.
      deferCommit: true,
    });
    return { ok: true, call };
  } catch (error) {
    return { ok: false, error };
  }
}

/** What the run's matchers may call: its judge and embedding models, within the run's signal. */
export function matchContextOf(
  llm: LlmService,
  run: RunRecord,
  signal: AbortSignal,
): MatcherContext {
  const { judgeModel, embeddingModel } = run.parameters;
  const judge = (req: { provider: string; model: string; system: string; user: string }) =>
    llm.judge(req, { signal, spanName: 'eval judge', attributes: { evalRunId: run.id } });
  const embed = embeddingModel
    ? (texts: readonly string[]) =>
        llm.embed(embeddingModel.provider, embeddingModel.model, texts, signal)
    : undefined;
  return { judge, embed, signal, ...(judgeModel ? { defaultJudge: judgeModel } : {}) };
}
