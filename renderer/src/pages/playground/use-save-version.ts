import { useState } from 'react';
import { toast } from 'sonner';
import type { PromptMessage, PromptVersionView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { contentOfDraft } from './prompt-content';
import type { PromptSource } from './types';

/**
 * "Save as new version": `prompts.update` with the edited messages (the text, for single-text
 * kinds) and the version the edit started from, so a version saved meanwhile is a conflict.
 */
export function useSaveVersion(onSaved: (version: PromptVersionView) => void) {
  const client = useClient();
  const [saving, setSaving] = useState(false);

  const save = async (source: PromptSource, draft: readonly PromptMessage[]) => {
    const { summary, version } = source;
    setSaving(true);
    try {
      const reply = await client.invoke('prompts.update', {
        name: summary.name,
        content: contentOfDraft(summary.kind, draft, version),
        baseVersion: version.version,
        message: `Edited in the playground from ${version.version}`,
      });
      if (reply.created) {
        toast.success(`Saved ${summary.name} ${reply.version.version}`, {
          description: `New version from ${version.version}.`,
        });
      } else {
        toast.info(`No new version: the content matches ${reply.version.version}`);
      }
      onSaved(reply.version);
    } catch {
      // Already toasted (a CONFLICT says which version came in between); the edits stay.
    } finally {
      setSaving(false);
    }
  };

  return { save, saving };
}
