import { useFormContext, useWatch } from 'react-hook-form';
import { GRADER_METRICS, type GraderMetric, type MatcherInput } from '../../../../shared/contract';
import { MatcherEditor } from '../../components/matchers/matcher-editor';
import { useMatcherTypes } from '../../components/matchers/use-matcher-types';
import { Field, FormField, FormItem, FormMessage } from '../../components/ui/form';
import { OptionSelect } from '../../components/ui/option-select';
import type { GraderFormValues } from './grader-form';
import { NumberInput } from './number-input';

type V = GraderFormValues;

const METRIC_LABELS: Record<GraderMetric, string> = {
  output_chars: 'Output length (characters)',
  latency_ms: 'Latency (ms)',
  cost_usd: 'Cost (USD)',
  tool_call_count: 'Tool calls',
  json_valid: 'Output is valid JSON',
};

/**
 * A deterministic grader: any eval matcher run on the target's output, or one of the target's
 * own measurements (as the score, or with bounds as whether it lies within them).
 */
export function DeterministicFields() {
  const { control, setValue } = useFormContext<V>();
  const checkType = useWatch({ control, name: 'definition.check.type' }) as 'matcher' | 'metric';
  const types = useMatcherTypes();
  return (
    <div className="flex flex-col gap-3">
      <Field<V, 'definition.check.type'>
        name="definition.check.type"
        label="Check"
        className="w-56"
        render={({ value, ...field }) => (
          <OptionSelect
            {...field}
            value={(value as string) ?? 'metric'}
            data-testid="check-type"
            options={[
              { value: 'metric', label: 'A metric of the target', testId: 'check-type-metric' },
              { value: 'matcher', label: 'An eval matcher', testId: 'check-type-matcher' },
            ]}
            onValueChange={(next) =>
              setValue(
                'definition.check',
                (next === 'matcher'
                  ? { type: 'matcher', matcher: { type: 'contains', value: '' } }
                  : { type: 'metric', metric: 'output_chars' }) as never,
                { shouldDirty: true },
              )
            }
          />
        )}
      />
      {checkType === 'matcher' ? (
        <FormField<V, 'definition.check.matcher'>
          name="definition.check.matcher"
          render={({ field }) => (
            <FormItem>
              {types ? (
                <MatcherEditor
                  value={field.value as MatcherInput}
                  onChange={field.onChange}
                  types={types}
                  testId="grader-matcher"
                />
              ) : null}
              <FormMessage />
            </FormItem>
          )}
        />
      ) : (
        <div className="grid grid-cols-[1fr_7rem_7rem] items-start gap-3">
          <Field<V, 'definition.check.metric'>
            name="definition.check.metric"
            label="Metric"
            render={({ value, onChange, ...field }) => (
              <OptionSelect
                {...field}
                value={(value as GraderMetric) ?? 'output_chars'}
                onValueChange={onChange}
                data-testid="check-metric"
                options={GRADER_METRICS.map((m) => ({ value: m, label: METRIC_LABELS[m] }))}
              />
            )}
          />
          {(['min', 'max'] as const).map((bound) => (
            <Field<V, `definition.check.${typeof bound}`>
              key={bound}
              name={`definition.check.${bound}` as `definition.check.${typeof bound}`}
              label={bound === 'min' ? 'At least' : 'At most'}
              render={({ value, onChange, ...field }) => (
                <NumberInput
                  {...field}
                  value={value as number | undefined}
                  onChange={onChange}
                  placeholder="none"
                  data-testid={`check-${bound}`}
                />
              )}
            />
          ))}
        </div>
      )}
    </div>
  );
}
