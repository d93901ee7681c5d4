import type { ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { ProviderId } from '../../../../shared/contract';
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '../../components/ui/select';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import type { RunFormValues } from './new-run/run-form-schema';

interface ModelRefPickerProps {
  /** The form field, and the test ids `run-<role>-provider` and `run-<role>-model`. */
  role: 'judge' | 'embedding';
  label: string;
  hint: string;
  providers: readonly ProviderId[];
  onWantModels: (provider: ProviderId) => void;
  /** What blocks the run because of this model (pre-flight problems), shown under it. */
  children?: ReactNode;
}

/** Radix Select items cannot have an empty value: "no model" has a name of its own. */
const NONE = 'none';

/**
 * A model named for a role of the run (`provider:model`), or none. The model ids come from the
 * same suggestions as the run's targets (their datalists, one per provider, are on the page).
 */
export function ModelRefPicker({
  role,
  label,
  hint,
  providers,
  onWantModels,
  children,
}: ModelRefPickerProps) {
  const { control, setValue } = useFormContext<RunFormValues>();
  const provider = useWatch({ control, name: `${role}.provider` });
  const isProvider = (v: string): v is ProviderId => providers.some((p) => p === v);
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <FormField
        control={control}
        name={`${role}.provider`}
        render={({ field }) => (
          <FormItem>
            <FormLabel title={hint}>{label}</FormLabel>
            <Select
              value={field.value === '' ? NONE : field.value}
              onValueChange={(picked) => {
                const next = isProvider(picked) ? picked : '';
                field.onChange(next);
                if (next === '') setValue(`${role}.model`, '', { shouldValidate: true });
              }}
            >
              <FormControl>
                <SelectTrigger
                  ref={field.ref}
                  onBlur={field.onBlur}
                  data-testid={`run-${role}-provider`}
                >
                  <SelectValue />
                </SelectTrigger>
              </FormControl>
              <SelectContent>
                <SelectItem value={NONE}>None</SelectItem>
                {providers.map((id) => (
                  <SelectItem key={id} value={id} data-testid={`run-${role}-provider-${id}`}>
                    {PROVIDER_LABELS[id]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </FormItem>
        )}
      />
      <FormField
        control={control}
        name={`${role}.model`}
        render={({ field }) => (
          <FormItem>
            <FormControl>
              <Input
                {...field}
                aria-label={`${label} id`}
                data-testid={`run-${role}-model`}
                list={provider === '' ? undefined : `run-models-${provider}`}
                className="font-mono text-xs"
                placeholder={provider === '' ? 'none' : 'model id'}
                autoComplete="off"
                spellCheck={false}
                disabled={provider === ''}
                onFocus={() => provider !== '' && onWantModels(provider)}
              />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      {children}
    </div>
  );
}
