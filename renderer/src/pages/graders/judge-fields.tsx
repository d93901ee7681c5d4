import { useFormContext, useWatch } from 'react-hook-form';
import { PROVIDER_IDS, type ProviderId } from '../../../../shared/contract';
import { useSettings } from '../../app/settings-context';
import { Field } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { OptionSelect } from '../../components/ui/option-select';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import { useChannelQuery } from '../../query/channel-query';
import { useModelSuggestions } from '../evals/use-model-suggestions';
import type { GraderFormValues } from './grader-form';

type V = GraderFormValues;

/** Whether the settings give a provider what it needs to be called (a key, a region…). */
function useConfigured(): (provider: ProviderId) => boolean {
  const { view } = useSettings();
  return (provider) => {
    if (!view) return true;
    const p = view.providers;
    if (provider === 'openai') return p.openai.apiKey.set;
    if (provider === 'anthropic') return p.anthropic.apiKey.set;
    if (provider === 'bedrock') return p.bedrock.accessKeyId.set || p.bedrock.profile !== null;
    return true;
  };
}

/**
 * An LLM judge: its prompt in the registry (name and label, `production` by default) and the
 * model it runs on, picked from the providers set up in Settings (others are marked) with the
 * models each one lists.
 */
export function JudgeFields() {
  const { control } = useFormContext<V>();
  const provider = useWatch({ control, name: 'definition.model.provider' }) as
    ProviderId | undefined;
  const prompts = useChannelQuery('prompts.list', {});
  const { ids, listLive } = useModelSuggestions();
  const configured = useConfigured();
  const providerOptions = [...PROVIDER_IDS]
    .sort((a, b) => Number(configured(b)) - Number(configured(a)))
    .map((id) => ({
      value: id,
      label: configured(id) ? PROVIDER_LABELS[id] : `${PROVIDER_LABELS[id]} (not set up)`,
      testId: `judge-provider-${id}`,
    }));
  return (
    <div className="grid grid-cols-2 items-start gap-3">
      <Field<V, 'definition.prompt.name'>
        name="definition.prompt.name"
        label="Judge prompt"
        hint="A prompt of the registry; its {{input}}, {{output}}, {{rubric}}… are filled per target."
        render={({ value, ...field }) => (
          <Input
            {...field}
            value={(value as string | undefined) ?? ''}
            list="grader-prompt-names"
            className="font-mono text-xs"
            placeholder="assay-judge-accuracy"
            autoComplete="off"
            spellCheck={false}
            data-testid="judge-prompt-name"
          />
        )}
      />
      <Field<V, 'definition.prompt.label'>
        name="definition.prompt.label"
        label="Label"
        render={({ value, onChange, ...field }) => (
          <Input
            {...field}
            value={(value as string | undefined) ?? ''}
            onChange={(e) => onChange(e.target.value || undefined)}
            className="font-mono text-xs"
            placeholder="production"
            data-testid="judge-prompt-label"
          />
        )}
      />
      <datalist id="grader-prompt-names">
        {(prompts.data?.prompts ?? [])
          .filter((p) => p.deletedAt === null)
          .map((p) => (
            <option key={p.name} value={p.name} />
          ))}
      </datalist>
      <Field<V, 'definition.model.provider'>
        name="definition.model.provider"
        label="Judge provider"
        render={({ value, onChange, ...field }) => (
          <OptionSelect
            {...field}
            value={(value as ProviderId | undefined) ?? 'openai'}
            onValueChange={onChange}
            options={providerOptions}
            data-testid="judge-provider"
          />
        )}
      />
      <Field<V, 'definition.model.model'>
        name="definition.model.model"
        label="Judge model"
        render={({ value, ...field }) => (
          <Input
            {...field}
            value={(value as string | undefined) ?? ''}
            list={provider ? `grader-models-${provider}` : undefined}
            onFocus={() => provider && listLive(provider)}
            className="font-mono text-xs"
            placeholder="gpt-4o-mini"
            autoComplete="off"
            spellCheck={false}
            data-testid="judge-model"
          />
        )}
      />
      {PROVIDER_IDS.map((p) => (
        <datalist key={p} id={`grader-models-${p}`}>
          {(ids[p] ?? []).map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
      ))}
    </div>
  );
}
