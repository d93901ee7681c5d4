import { Target } from 'lucide-react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { Field, FormControl, FormField, FormItem, FormLabel } from '../../components/ui/form';
import { OptionSelect } from '../../components/ui/option-select';
import { bullseyeConfig, configFor, type ConfigType, type GraderFormValues } from './grader-form';
import { LevelsEditor } from './levels-editor';
import { NumberInput } from './number-input';

const TYPE_OPTIONS: { value: ConfigType; label: string; testId: string }[] = [
  { value: 'categorical', label: 'Categorical levels', testId: 'config-type-categorical' },
  { value: 'numeric', label: 'Numeric range', testId: 'config-type-numeric' },
  { value: 'boolean', label: 'Pass / fail', testId: 'config-type-boolean' },
];

type V = GraderFormValues;

function NumericFields() {
  return (
    <div className="grid grid-cols-[8rem_8rem_1fr] items-start gap-3">
      <Field<V, 'scoreConfig.min'>
        name="scoreConfig.min"
        label="Min"
        render={({ value, onChange, ...field }) => (
          <NumberInput
            {...field}
            value={value as number | undefined}
            onChange={onChange}
            data-testid="config-min"
          />
        )}
      />
      <Field<V, 'scoreConfig.max'>
        name="scoreConfig.max"
        label="Max"
        render={({ value, onChange, ...field }) => (
          <NumberInput
            {...field}
            value={value as number | undefined}
            onChange={onChange}
            data-testid="config-max"
          />
        )}
      />
      <FormField<V, 'scoreConfig.higherIsBetter'>
        name="scoreConfig.higherIsBetter"
        render={({ field }) => (
          <FormItem className="flex items-center gap-2 pt-6">
            <FormControl>
              <Checkbox
                checked={field.value !== false}
                onCheckedChange={(checked) => field.onChange(checked === true)}
                data-testid="config-higher-is-better"
              />
            </FormControl>
            <FormLabel className="text-xs font-normal">Higher is better</FormLabel>
          </FormItem>
        )}
      />
    </div>
  );
}

/** What a grader gives: its type, then a range, levels (with the Bullseye preset) or nothing. */
export function ScoreConfigFields() {
  const { control, setValue } = useFormContext<V>();
  const type = useWatch({ control, name: 'scoreConfig.type' });
  return (
    <fieldset
      className="flex flex-col gap-3 rounded-md border p-3"
      data-testid="score-config-fields"
    >
      <legend className="px-1 text-xs font-medium">Score config</legend>
      <div className="flex items-end gap-2">
        <Field<V, 'scoreConfig.type'>
          name="scoreConfig.type"
          label="Type"
          className="w-56"
          render={({ value, ...field }) => (
            <OptionSelect
              {...field}
              value={value}
              data-testid="config-type"
              options={TYPE_OPTIONS}
              onValueChange={(next) =>
                setValue('scoreConfig', configFor(next), {
                  shouldDirty: true,
                  shouldValidate: false,
                })
              }
            />
          )}
        />
        <Button
          type="button"
          size="sm"
          variant="outline"
          data-testid="bullseye-preset"
          title="Bullseye 100, One hop short 65, Right area 35, Wrong 0 (incident.io's scale)"
          onClick={() =>
            setValue('scoreConfig', bullseyeConfig(), { shouldDirty: true, shouldValidate: true })
          }
        >
          <Target />
          Bullseye preset
        </Button>
      </div>
      {type === 'numeric' ? <NumericFields /> : null}
      {type === 'categorical' ? <LevelsEditor /> : null}
      {type === 'boolean' ? (
        <p className="text-xs text-muted-foreground">
          Scores are true (1) or false (0); a mean over them is a pass rate.
        </p>
      ) : null}
    </fieldset>
  );
}
