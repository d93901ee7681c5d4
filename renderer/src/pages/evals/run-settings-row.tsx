import { useFormContext } from 'react-hook-form';
import { Checkbox } from '../../components/ui/checkbox';
import {
  Field,
  FormControl,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
} from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import type { RunFormValues } from './new-run/run-form-schema';

/** How the run goes: concurrency, repeats, and whether it reads and writes the response cache. */
export function RunSettingsRow() {
  const { control } = useFormContext<RunFormValues>();
  const whole = (name: 'concurrency' | 'repeat', label: string, max: number) => (
    <Field<RunFormValues, typeof name>
      name={name}
      label={label}
      className="w-40"
      render={(field) => (
        <Input data-testid={`run-${name}`} type="number" min={1} max={max} {...field} />
      )}
    />
  );
  return (
    <div className="flex flex-wrap items-start gap-4">
      {whole('concurrency', 'Concurrency', 256)}
      {whole('repeat', 'Repeats', 20)}
      <FormField
        control={control}
        name="bypassCache"
        render={({ field }) => (
          <FormItem
            className="flex h-8 items-center gap-1.5 self-end"
            title="Call the model for every case even when the same request was answered before (the answers are not cached either)"
          >
            <FormControl>
              <Checkbox
                data-testid="run-bypass-cache"
                checked={field.value}
                onCheckedChange={(value) => field.onChange(value === true)}
                onBlur={field.onBlur}
              />
            </FormControl>
            <FormLabel className="cursor-pointer text-xs font-normal select-none">
              Bypass cache
            </FormLabel>
            <FormMessage />
          </FormItem>
        )}
      />
    </div>
  );
}
