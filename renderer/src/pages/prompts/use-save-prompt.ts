import { toast } from 'sonner';
import type { ChannelInput, PromptVersionView } from '../../../../shared/contract';
import { toClientError } from '../../client';
import { useChannelMutation } from '../../query/channel-query';
import { issuesOf } from './issues';

export interface SaveProblem {
  message: string;
  issues: string[];
  /** Someone saved a newer version meanwhile: the newest version it names. */
  latestVersion?: string;
  /** The draft changed since: the problem may be fixed already. */
  stale?: boolean;
}

function latestOf(details: unknown): string | undefined {
  if (typeof details !== 'object' || details === null || !('latestVersion' in details)) return;
  const latest = (details as { latestVersion: unknown }).latestVersion;
  return typeof latest === 'string' ? latest : undefined;
}

/**
 * Calls `prompts.update`. A refusal is shown in the editor's banner (not toasted); identical
 * content creates nothing and says so.
 */
export function useSavePrompt(onSaved: (version: PromptVersionView) => void) {
  const mutation = useChannelMutation('prompts.update', {
    meta: { form: true },
    onSuccess: ({ created, version }, input) => {
      if (!created) {
        toast.info(`No changes: identical to ${version.version}`);
        return;
      }
      toast.success(`Saved ${input.name} ${version.version}`, {
        description: version.message || undefined,
      });
      onSaved(version);
    },
  });
  const error = mutation.error ? toClientError(mutation.error) : null;
  const problem: SaveProblem | null = error && {
    message: error.toString(),
    issues: issuesOf(error),
    latestVersion: error.code === 'CONFLICT' ? latestOf(error.details) : undefined,
  };
  const save = (input: ChannelInput<'prompts.update'>) => mutation.mutate(input);
  return { save, saving: mutation.isPending, problem };
}
