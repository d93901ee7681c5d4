import { useState } from 'react';
import { toast } from 'sonner';
import type { ChannelInput, PromptVersionView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError } from '../../client';
import { issuesOf } from './issues';

export interface SaveProblem {
  message: string;
  issues: string[];
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
      setProblem({ message: error.toString(), issues: issuesOf(error) });
    } finally {
      setSaving(false);
    }
  };

  return { save, saving, problem };
}
