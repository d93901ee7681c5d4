import type { SpanCaseDraft } from '../../../../../shared/contract';
import type { InteractionCaseDraft } from '../../../../../shared/contract/trace-actions';

/** What is being stolen: a span's call, or a whole interaction. */
export type StealSource =
  | { readonly kind: 'span'; readonly spanId: string }
  | { readonly kind: 'interaction'; readonly interactionId: string };

export type StealDraft = SpanCaseDraft | InteractionCaseDraft;

export const sourceId = (source: StealSource) =>
  source.kind === 'span' ? source.spanId : source.interactionId;

export const draftId = (draft: StealDraft) =>
  'spanId' in draft ? draft.spanId : draft.interactionId;

export function draftNote(draft: StealDraft): string {
  if (!('source' in draft))
    return `The interaction's input${draft.prompt ? ` (${draft.prompt})` : ''}; its output as expected`;
  if (draft.source === 'messages')
    return 'No prompt variables were recorded: the last user message is input, the system prompt system';
  const from = draft.source === 'eval-case' ? 'an eval case' : 'a playground run';
  return `The prompt's variables${draft.prompt ? ` of ${draft.prompt}` : ''}, from ${from}`;
}
