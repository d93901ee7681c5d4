import { Plus, X } from 'lucide-react';
import { useFieldArray, useFormContext, useFormState } from 'react-hook-form';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import type { GraderFormValues } from './grader-form';
import { NumberInput } from './number-input';

/** An error react-hook-form keeps on an array itself (zod's "level names must differ"). */
function arrayMessage(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { message, root } = error as { message?: unknown; root?: { message?: unknown } };
  if (typeof message === 'string') return message;
  return typeof root?.message === 'string' ? root.message : null;
}

/** A categorical config's levels: name, value and what it means. */
export function LevelsEditor() {
  const { control } = useFormContext<GraderFormValues>();
  const { fields, append, remove } = useFieldArray({
    control,
    name: 'scoreConfig.levels' as never,
  });
  const { errors } = useFormState({ control, name: 'scoreConfig' });
  const levelsError = arrayMessage(
    (errors.scoreConfig as { levels?: unknown } | undefined)?.levels,
  );
  return (
    <div className="flex flex-col gap-2" data-testid="levels-editor">
      <span className="text-xs font-medium">Levels</span>
      {fields.map((f, i) => (
        <div
          key={f.id}
          className="grid grid-cols-[1fr_5rem_2fr_auto] items-start gap-2"
          data-testid={`level-${i}`}
        >
          <Field<GraderFormValues, `scoreConfig.levels.${number}.name`>
            name={`scoreConfig.levels.${i}.name` as `scoreConfig.levels.${number}.name`}
            label={<span className="sr-only">Level {i + 1} name</span>}
            render={(field) => (
              <Input {...field} data-testid={`level-${i}-name`} placeholder="Name" />
            )}
          />
          <Field<GraderFormValues, `scoreConfig.levels.${number}.value`>
            name={`scoreConfig.levels.${i}.value` as `scoreConfig.levels.${number}.value`}
            label={<span className="sr-only">Level {i + 1} value</span>}
            render={({ value, onChange, ...field }) => (
              <NumberInput
                {...field}
                value={value as number | undefined}
                onChange={onChange}
                data-testid={`level-${i}-value`}
                placeholder="Value"
              />
            )}
          />
          <Field<GraderFormValues, `scoreConfig.levels.${number}.description`>
            name={
              `scoreConfig.levels.${i}.description` as `scoreConfig.levels.${number}.description`
            }
            label={<span className="sr-only">Level {i + 1} description</span>}
            render={({ value, onChange, ...field }) => (
              <Input
                {...field}
                value={(value as string | undefined) ?? ''}
                onChange={(e) => onChange(e.target.value || undefined)}
                data-testid={`level-${i}-description`}
                placeholder="What it means"
              />
            )}
          />
          <Button
            type="button"
            size="icon"
            variant="ghost"
            aria-label={`Remove level ${i + 1}`}
            onClick={() => remove(i)}
          >
            <X />
          </Button>
        </div>
      ))}
      {levelsError ? (
        <p role="alert" data-testid="levels-error" className="text-xs text-destructive">
          {levelsError}
        </p>
      ) : null}
      <Button
        type="button"
        size="xs"
        variant="ghost"
        className="w-fit"
        data-testid="add-level"
        onClick={() => append({ name: '', value: fields.length } as never)}
      >
        <Plus />
        Add level
      </Button>
    </div>
  );
}
