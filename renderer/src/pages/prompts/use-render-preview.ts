import type { ChannelOutput } from '../../../../shared/contract';
import { toClientError } from '../../client';
import { useChannelMutation } from '../../query/channel-query';

export type Rendered = ChannelOutput<'prompts.render'>;
type Messages = { role: 'system' | 'user' | 'assistant'; content: string }[];

/**
 * `prompts.render` of a saved version. It changes nothing, so it refreshes nothing; a failure
 * (missing variables) is shown in the preview's form, not toasted.
 */
export function useRenderPreview(name: string, version: string) {
  const mutation = useChannelMutation('prompts.render', { invalidates: [], meta: { form: true } });
  /** Rejects when the core refuses (missing variables): the preview form shows why. */
  const render = (variables: Record<string, string>, placeholders: Record<string, Messages>) =>
    mutation.mutateAsync({ name, version, variables, placeholders });
  return {
    rendered: mutation.data ?? null,
    error: mutation.error ? toClientError(mutation.error) : null,
    rendering: mutation.isPending,
    render,
  };
}
