import type { InteractionView, TraceSummary } from '../../../../shared/contract';
import { isRecord } from '../../lib/is-record';
import { chatMessages, toJson } from './payload-text';

/** One exchange of a conversation: an interaction (with the trace it links), or a bare trace. */
export type ThreadTurn =
  | {
      readonly kind: 'interaction';
      readonly at: string;
      readonly interaction: InteractionView;
      readonly trace: TraceSummary | null;
    }
  | { readonly kind: 'trace'; readonly at: string; readonly trace: TraceSummary };

/**
 * A session's interactions and traces as one thread in time order. A trace an interaction
 * links to is shown in that interaction's turn (its cost and latency), not again on its own.
 */
export function threadTurns(
  interactions: readonly InteractionView[],
  traces: readonly TraceSummary[],
): ThreadTurn[] {
  const byId = new Map(traces.map((t) => [t.id, t]));
  const linked = new Set<string>();
  const turns: ThreadTurn[] = interactions.map((interaction) => {
    const trace = interaction.traceId ? (byId.get(interaction.traceId) ?? null) : null;
    if (trace) linked.add(trace.id);
    return { kind: 'interaction', at: interaction.createdAt, interaction, trace };
  });
  for (const trace of traces)
    if (!linked.has(trace.id)) turns.push({ kind: 'trace', at: trace.startedAt, trace });
  // ISO times sort as text; the kind breaks ties so an order never flips between renders.
  return turns.sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));
}

/** The words of one side of a turn: a chat's last message, a text, an answer's text, or JSON. */
export function turnText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  const messages = chatMessages(value);
  if (messages) return messages[messages.length - 1]!.content;
  if (isRecord(value) && typeof value.text === 'string') return value.text;
  return toJson(value);
}
