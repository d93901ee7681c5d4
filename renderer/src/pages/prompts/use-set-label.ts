import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { PromptSummary, PromptVersionView } from '../../../../shared/contract';
import { patchQuery, useChannelMutation } from '../../query/channel-query';
import { NO_FILTERS } from './use-prompt-list';

const withLabel = (summary: PromptSummary, label: string, version: string): PromptSummary => ({
  ...summary,
  labels: { ...summary.labels, [label]: version },
});

const moveLabel = (v: PromptVersionView, label: string, version: string): PromptVersionView => {
  const others = v.labels.filter((l) => l !== label);
  return { ...v, labels: v.version === version ? [...others, label] : others };
};

/**
 * Points a label at a version with `prompts.setLabel` (promote or roll back). The badges move
 * at once (header, history, the list) and move back if the core refuses. `form`: the caller
 * shows a refusal next to its field instead of a toast.
 */
export function useSetLabel(name: string, { form = false }: { form?: boolean } = {}) {
  const queryClient = useQueryClient();
  const mutation = useChannelMutation('prompts.setLabel', {
    meta: { form },
    onMutate: ({ label, version }) => {
      const rollbacks = [
        patchQuery(queryClient, 'prompts.get', { name }, (got) => ({
          prompt: withLabel(got.prompt, label, version),
          version: moveLabel(got.version, label, version),
        })),
        patchQuery(queryClient, 'prompts.versions', { name }, ({ versions }) => ({
          versions: versions.map((v) => moveLabel(v, label, version)),
        })),
        patchQuery(
          queryClient,
          'prompts.list',
          { includeDeleted: NO_FILTERS.includeDeleted },
          ({ prompts }) => ({
            prompts: prompts.map((p) => (p.name === name ? withLabel(p, label, version) : p)),
          }),
        ),
      ];
      return { rollback: () => rollbacks.forEach((undo) => undo()) };
    },
    onError: (_err, _input, context) => context?.rollback(),
    onSuccess: (_summary, { label, version }) => toast.success(`${name}: ${label} → ${version}`),
  });
  return mutation;
}
