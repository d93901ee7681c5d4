import { useEffect, useRef } from 'react';
import type { ChannelInput } from '../../../../../shared/contract';
import { useChannelQuery } from '../../../query/channel-query';
import { INLINE, type RunForm, type TargetDraft } from '../run-form';

/** The prompts.get input of the form's saved prompt and version or label; null for none. */
function versionInput(form: RunForm): ChannelInput<'prompts.get'> | null {
  if (form.prompt === '' || form.prompt === INLINE) return null;
  const [kind, value] = form.selector.split(':', 2);
  if (kind === 'label' && value) return { name: form.prompt, label: value };
  if (kind === 'version' && value) return { name: form.prompt, version: value };
  return { name: form.prompt };
}

/**
 * Fills the model in from the picked prompt version's saved config (its provider and model),
 * as long as the user has not chosen one: only a single model left empty, or the one filled
 * in from the previous version, is replaced.
 */
export function usePromptModel(
  form: RunForm,
  open: boolean,
  setTargets: (targets: TargetDraft[]) => void,
) {
  const input = open ? versionInput(form) : null;
  const { data } = useChannelQuery('prompts.get', input);
  const filled = useRef<TargetDraft | null>(null);
  const config = data?.version.content.config;
  const provider = config?.provider;
  const model = config?.model;
  const [only, ...more] = form.targets;
  useEffect(() => {
    if (!provider || !model || !only || more.length > 0) return;
    const untouched =
      only.model.trim() === '' ||
      (filled.current?.provider === only.provider && filled.current.model === only.model);
    if (!untouched || (only.provider === provider && only.model === model)) return;
    filled.current = { provider, model };
    setTargets([{ provider, model }]);
    // Runs when the version's config arrives, not on every keystroke in the model field.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [provider, model]);
}
