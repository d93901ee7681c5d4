import { Plus, X } from 'lucide-react';
import { useFormContext, useWatch } from 'react-hook-form';
import { PROVIDER_IDS, type ProviderId } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { FormControl, FormField, FormItem, FormMessage } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { OptionSelect } from '../../components/ui/option-select';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import type { RunFormValues } from './new-run/run-form-schema';
import { MAX_TARGETS } from './run-form';
import type { ModelIds } from './use-model-suggestions';

const PROVIDER_OPTIONS = PROVIDER_IDS.map((id) => ({ value: id, label: PROVIDER_LABELS[id] }));

interface RunTargetsProps {
  suggestions: ModelIds;
  onWantModels: (provider: ProviderId) => void;
}

/** The models to run, one run each: together they form a group (the run matrix). */
export function RunTargets({ suggestions, onWantModels }: RunTargetsProps) {
  const { control, setValue } = useFormContext<RunFormValues>();
  const targets = useWatch({ control, name: 'targets' });
  const replace = (next: RunFormValues['targets']) =>
    setValue('targets', next, { shouldDirty: true });
  return (
    <div className="flex flex-col gap-1.5">
      <Label>Models</Label>
      {targets.map((target, i) => (
        <div key={i} className="flex items-start gap-1.5">
          <FormField
            control={control}
            name={`targets.${i}.provider`}
            render={({ field }) => (
              <OptionSelect
                value={field.value}
                onValueChange={field.onChange}
                options={PROVIDER_OPTIONS}
                ref={field.ref}
                onBlur={field.onBlur}
                aria-label={`Provider of model ${i + 1}`}
                data-testid={`run-provider-${i}`}
                data-value={field.value}
                className="w-32 shrink-0"
              />
            )}
          />
          <FormField
            control={control}
            name={`targets.${i}.model`}
            render={({ field }) => (
              <FormItem className="min-w-0 flex-1">
                <FormControl>
                  <Input
                    {...field}
                    aria-label={`Model ${i + 1}`}
                    data-testid={`run-model-${i}`}
                    list={`run-models-${target.provider}`}
                    className="font-mono text-xs"
                    placeholder="model id, e.g. gpt-4o-mini"
                    autoComplete="off"
                    spellCheck={false}
                    onFocus={() => onWantModels(target.provider)}
                  />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <Button
            type="button"
            variant="ghost"
            size="icon"
            aria-label={`Remove model ${i + 1}`}
            data-testid={`run-remove-model-${i}`}
            disabled={targets.length === 1}
            onClick={() => replace(targets.filter((_, j) => j !== i))}
          >
            <X />
          </Button>
        </div>
      ))}
      {PROVIDER_IDS.map((id) => (
        <datalist key={id} id={`run-models-${id}`}>
          {(suggestions[id] ?? []).map((model) => (
            <option key={model} value={model} />
          ))}
        </datalist>
      ))}
      <Button
        type="button"
        variant="outline"
        size="xs"
        className="self-start"
        data-testid="run-add-model"
        disabled={targets.length >= MAX_TARGETS}
        onClick={() =>
          replace([...targets, { provider: targets.at(-1)?.provider ?? 'openai', model: '' }])
        }
      >
        <Plus />
        Add model
      </Button>
    </div>
  );
}
