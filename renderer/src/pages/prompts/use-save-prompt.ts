import { useState } from 'react';
import { toast } from 'sonner';
import type { ChannelInput, PromptVersionView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError } from '../../client';
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
 * Calls `prompts.update`. A refusal is toasted by the client and kept here for inline display;
 * identical content creates nothing and says so.
 */
export function useSavePrompt(onSaved: (version: PromptVersionView) => void) {
  const client = useClient();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<SaveProblem | null>(null);

  const save = async (input: ChannelInput<'prompts.update'>): Promise<void> => {
    setSaving(true);
    setProblem(null);
    try {
      const { created, version } = await client.invoke('prompts.update', input);
      if (!created) {
        toast.info(`No changes: identical to ${version.version}`);
        return;
      }
      toast.success(`Saved ${input.name} ${version.version}`, {
        description: version.message || undefined,
      });
      onSaved(version);
    } catch (err) {
      const error = toClientError(err);
      const latestVersion = error.code === 'CONFLICT' ? latestOf(error.details) : undefined;
      setProblem({ message: error.toString(), issues: issuesOf(error), latestVersion });
    } finally {
      setSaving(false);
    }
  };

  return { save, saving, problem };
}
