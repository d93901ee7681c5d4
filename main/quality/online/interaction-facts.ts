import { AssayError } from '../../../shared/errors';
import type { InteractionRecord } from '../../tracing/interaction-repository';
import type { SpanRecord } from '../../tracing/span-record';

/** Spans an interaction names directly (no trace) that grading reads at most. */
const MAX_LINKED_SPANS = 100;

/** What graders read of the tracing domain: an interaction and its spans (the tracing service). */
export interface TracingFacts {
  interaction(id: string): Promise<InteractionRecord>;
  spansOfTrace(traceId: string): Promise<readonly SpanRecord[]>;
  span(id: string): Promise<SpanRecord | null>;
}

/** An interaction by id; null when it is not stored (purged since it was scored). */
export function interactionOrNull(
  tracing: TracingFacts,
  id: string,
): Promise<InteractionRecord | null> {
  return tracing.interaction(id).catch((err: unknown) => {
    if (err instanceof AssayError && err.code === 'NOT_FOUND') return null;
    throw err;
  });
}

/**
 * The spans a grader reads with an interaction (interaction-target.ts): its trace's, else the
 * spans it names. None: its measurements stay unknown, never 0.
 */
export async function interactionSpans(
  tracing: TracingFacts,
  interaction: InteractionRecord,
): Promise<readonly SpanRecord[]> {
  if (interaction.traceId !== null) return tracing.spansOfTrace(interaction.traceId);
  const found = await Promise.all(
    interaction.spanIds.slice(0, MAX_LINKED_SPANS).map((id) => tracing.span(id)),
  );
  return found.filter((s) => s !== null);
}
