import { useFormContext, useWatch, type FieldPath, type FieldValues } from 'react-hook-form';
import { PROVIDER_IDS, type ProviderId } from '../../../../shared/contract';
import { useSettings } from '../../app/settings-context';
import { Field } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { OptionSelect } from '../../components/ui/option-select';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import { useModelSuggestions } from '../evals/use-model-suggestions';

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

interface JudgeModelFieldsProps<V extends FieldValues> {
  /** The form fields holding the provider id and the model id. */
  readonly provider: FieldPath<V>;
  readonly model: FieldPath<V>;
  readonly labels?: { readonly provider: string; readonly model: string };
  /** Test ids `<testId>-provider`, `<testId>-provider-<id>` and `<testId>-model`. */
  readonly testId: string;
}

/**
 * A judge's model: the provider, picked from those set up in Settings (others are marked), and
 * the model id, suggested from what that provider lists (its live list once the field is
 * focused). A grader's judge and a second judge are picked the same way.
 */
export function JudgeModelFields<V extends FieldValues>({
  provider: providerName,
  model: modelName,
  labels = { provider: 'Judge provider', model: 'Judge model' },
  testId,
}: JudgeModelFieldsProps<V>) {
  const { control } = useFormContext<V>();
  const provider = useWatch({ control, name: providerName }) as ProviderId | undefined;
  const { ids, listLive } = useModelSuggestions();
  const configured = useConfigured();
  const providerOptions = [...PROVIDER_IDS]
    .sort((a, b) => Number(configured(b)) - Number(configured(a)))
    .map((id) => ({
      value: id,
      label: configured(id) ? PROVIDER_LABELS[id] : `${PROVIDER_LABELS[id]} (not set up)`,
      testId: `${testId}-provider-${id}`,
    }));
  const listId = (p: ProviderId) => `${testId}-models-${p}`;
  return (
    <>
      <Field<V, FieldPath<V>>
        name={providerName}
        label={labels.provider}
        render={({ value, onChange, ...field }) => (
          <OptionSelect
            {...field}
            value={(value as ProviderId | undefined) ?? 'openai'}
            onValueChange={onChange}
            options={providerOptions}
            data-testid={`${testId}-provider`}
          />
        )}
      />
      <Field<V, FieldPath<V>>
        name={modelName}
        label={labels.model}
        render={({ value, ...field }) => (
          <Input
            {...field}
            value={(value as string | undefined) ?? ''}
            list={provider ? listId(provider) : undefined}
            onFocus={() => provider && listLive(provider)}
            className="font-mono text-xs"
            placeholder="gpt-4o-mini"
            autoComplete="off"
            spellCheck={false}
            data-testid={`${testId}-model`}
          />
        )}
      />
      {PROVIDER_IDS.map((p) => (
        <datalist key={p} id={listId(p)}>
          {(ids[p] ?? []).map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
      ))}
    </>
  );
}
