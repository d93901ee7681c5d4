import type { ChannelOutput } from '../../../shared/contract';
import type {
  RerunBatch,
  RerunOverrides,
  RerunResult,
} from '../../../shared/contract/trace-actions';
import { AssayError, toErrorPayload } from '../../../shared/errors';
import type { SpanVariables } from '../../evals/datasets/from-span';
import type { EventBus } from '../../kit/event-bus';
import { newId } from '../../kit/ids';
import type { LlmService } from '../../llm/llm-service';
import type { PromptService } from '../../prompts/prompt-service';
import type { SpanRecord } from '../span-record';
import type { TracingService } from '../tracing-service';
import { spanView } from '../views';
import { applyPromptVersion } from './apply-prompt';
import { boundedMap } from './bounded-map';
import { compareSpans } from './comparison';
import { rerunRequest } from './rerun-request';

export interface RerunDeps {
  readonly llm: LlmService;
  readonly tracing: TracingService;
  readonly prompts: PromptService;
  readonly variables: SpanVariables;
  readonly events: EventBus;
}

/** How many spans of one trace are rerun at once: enough to overlap, few enough to be polite. */
export const RERUN_CONCURRENCY = 4;

/**
 * Reruns recorded LLM calls through the call path, so a rerun is priced, limited, retried and
 * traced like any call. Never answered from the cache (a rerun must call the model), and the
 * cache is left as it was. Each rerun is stored in a NEW trace, not the original's: a
 * production trace's totals (cost, tokens, LLM calls) keep meaning what happened in production,
 * and the link to the original is the rerun's `rerunOf`. A batch (a whole trace) shares one new
 * trace, its spans side by side as roots.
 */
export class RerunService {
  constructor(private readonly deps: RerunDeps) {}

  private async requireSpan(id: string, where: string): Promise<SpanRecord> {
    const span = await this.deps.tracing.span(id);
    if (!span) throw new AssayError('NOT_FOUND', `${where}: no span with id "${id}"`);
    return span;
  }

  async rerunSpan(spanId: string, overrides: RerunOverrides): Promise<RerunResult> {
    const where = 'spans.rerun';
    const original = await this.requireSpan(spanId, where);
    return this.rerun(original, overrides, newId(), where);
  }

  private async rerun(
    original: SpanRecord,
    overrides: RerunOverrides,
    traceId: string,
    where: string,
  ): Promise<RerunResult> {
    let request = rerunRequest(original, overrides, where);
    let promptVersionId = original.promptVersionId;
    let promptApplied: RerunResult['promptApplied'] = 'none';
    if (overrides.promptVersion) {
      const applied = await applyPromptVersion(
        original,
        request,
        overrides.promptVersion,
        this.deps,
        where,
      );
      // Parameters asked for win over anything; the version changes only the messages.
      request = applied.request;
      promptVersionId = applied.promptVersionId;
      promptApplied = applied.applied;
    }
    // A failed call throws the provider's coded error; its span is stored and linked all the
    // same (spans.reruns lists it).
    const { spanId } = await this.deps.llm.call({
      request,
      bypassCache: true,
      refreshCache: false,
      traceId,
      spanName: `rerun of ${original.name}`,
      tagging: { rerunOf: original.id, promptVersionId },
      attributes: {
        rerunOf: original.id,
        ...(overrides.promptVersion ? { promptVersion: overrides.promptVersion } : {}),
      },
    });
    const rerun = (await this.deps.tracing.span(spanId))!;
    return {
      original: spanView(original),
      rerun: spanView(rerun),
      comparison: compareSpans(original, rerun),
      promptApplied,
    };
  }

  async reruns(spanId: string): Promise<ChannelOutput<'spans.reruns'>> {
    const original = await this.requireSpan(spanId, 'spans.reruns');
    const reruns = await this.deps.tracing.rerunsOf(spanId);
    return {
      original: spanView(original),
      reruns: reruns.map((rerun) => ({
        rerun: spanView(rerun),
        comparison: compareSpans(original, rerun),
      })),
    };
  }

  async rerunTrace(traceId: string, overrides: RerunOverrides): Promise<RerunBatch> {
    const spans = await this.deps.tracing.spansOfTrace(traceId);
    if (spans.length === 0)
      throw new AssayError('NOT_FOUND', `traces.rerun: no trace with id "${traceId}"`);
    return this.batch(traceId, spans, overrides, 'traces.rerun');
  }

  async rerunInteraction(interactionId: string, overrides: RerunOverrides): Promise<RerunBatch> {
    const where = 'interactions.rerun';
    const interaction = await this.deps.tracing.interaction(interactionId);
    let spans: SpanRecord[] = [];
    if (interaction.spanIds.length > 0) {
      const found = await Promise.all(interaction.spanIds.map((id) => this.deps.tracing.span(id)));
      spans = found.filter((s): s is SpanRecord => s !== null);
    }
    if (spans.length === 0 && interaction.traceId)
      spans = await this.deps.tracing.spansOfTrace(interaction.traceId);
    return this.batch(interactionId, spans, overrides, where);
  }

  private async batch(
    of: string,
    spans: readonly SpanRecord[],
    overrides: RerunOverrides,
    where: string,
  ): Promise<RerunBatch> {
    // Reruns are not rerun again: a trace that was rerun before holds only its own calls.
    const llm = spans.filter((s) => s.kind === 'llm');
    if (llm.length === 0)
      throw new AssayError('VALIDATION_FAILED', `${where}: "${of}" has no LLM span to rerun`);
    const traceId = newId();
    const outcomes = await boundedMap(
      llm,
      RERUN_CONCURRENCY,
      async (span) => {
        try {
          return { ok: true as const, pair: await this.rerun(span, overrides, traceId, where) };
        } catch (err) {
          const { code, message } = toErrorPayload(err);
          return { ok: false as const, failure: { spanId: span.id, code, message } };
        }
      },
      (done) => this.deps.events.publish('reruns.progress', { of, done, total: llm.length }),
    );
    return {
      traceId,
      pairs: outcomes.flatMap((o) => (o.ok ? [o.pair] : [])),
      failures: outcomes.flatMap((o) => (o.ok ? [] : [o.failure])),
    };
  }
}
