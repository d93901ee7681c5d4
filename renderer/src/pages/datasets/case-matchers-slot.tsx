import { Plus, Trash2 } from 'lucide-react';
import { useFieldArray, useFormContext, useFormState } from 'react-hook-form';
import type { MatcherInput } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { Field } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '../../components/ui/select';
import type { CaseFormValues } from './case-form';
import { MATCHER_TYPES, matcherTypeOf, type MatcherOption } from './matcher-types';

/** An option's control: text and numbers in inputs (empty leaves it out), flags as checkboxes. */
function OptionField({ index, option }: { index: number; option: MatcherOption }) {
  const name = `matchers.${index}.${option.name}` as `matchers.${number}.type`;
  return (
    <Field<CaseFormValues, typeof name>
      name={name}
      label={option.label}
      hint={option.hint}
      className={option.kind === 'boolean' ? 'flex flex-row items-center gap-2' : ''}
      render={(field) => {
        const value = field.value as unknown;
        if (option.kind === 'boolean')
          return (
            <Checkbox
              data-testid={`matcher-${index}-${option.name}`}
              checked={value === true}
              onCheckedChange={(checked) => field.onChange(checked === true ? true : undefined)}
            />
          );
        return (
          <Input
            data-testid={`matcher-${index}-${option.name}`}
            className="font-mono text-xs"
            inputMode={option.kind === 'number' ? 'decimal' : undefined}
            name={field.name}
            ref={field.ref}
            onBlur={field.onBlur}
            value={value === undefined || value === null ? '' : String(value)}
            onChange={(e) => {
              const text = e.target.value;
              const number = Number(text);
              field.onChange(
                text === ''
                  ? undefined
                  : option.kind === 'number' && Number.isFinite(number)
                    ? number
                    : text,
              );
            }}
          />
        );
      }}
    />
  );
}

/** Errors the core gave for options this form has no field for (kept as they came). */
function OtherErrors({ index, shown }: { index: number; shown: readonly string[] }) {
  const { errors } = useFormState<CaseFormValues>({ name: `matchers.${index}` });
  const own = errors.matchers?.[index] as Record<string, { message?: string }> | undefined;
  const rest = Object.entries(own ?? {}).filter(
    ([key, value]) => key !== 'type' && !shown.includes(key) && value?.message,
  );
  if (rest.length === 0) return null;
  return (
    <p role="alert" data-testid="field-error" className="text-xs text-destructive">
      {rest.map(([key, value]) => `${key}: ${value.message}`).join('; ')}
    </p>
  );
}

function MatcherRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { watch, setValue } = useFormContext<CaseFormValues>();
  const matcher = watch(`matchers.${index}`) as MatcherInput;
  const known = matcherTypeOf(matcher.type);
  const options = known?.options ?? [];
  const extra = Object.keys(matcher).filter(
    (key) => key !== 'type' && !options.some((o) => o.name === key),
  );
  return (
    <li className="flex flex-col gap-2 rounded-md border p-2" data-testid={`matcher-${index}`}>
      <div className="flex items-center gap-2">
        <Select
          value={matcher.type}
          onValueChange={(type) => setValue(`matchers.${index}`, { type }, { shouldDirty: true })}
        >
          <SelectTrigger
            className="h-7 w-44 text-xs"
            aria-label={`Type of matcher ${index + 1}`}
            data-testid={`matcher-${index}-type`}
          >
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {MATCHER_TYPES.map((t) => (
              <SelectItem
                key={t.type}
                value={t.type}
                data-testid={`matcher-${index}-type-${t.type}`}
              >
                {t.label}
              </SelectItem>
            ))}
            {known ? null : <SelectItem value={matcher.type}>{matcher.type}</SelectItem>}
          </SelectContent>
        </Select>
        <Button
          type="button"
          variant="ghost"
          size="xs"
          className="ml-auto"
          aria-label={`Remove matcher ${index + 1}`}
          data-testid={`matcher-${index}-remove`}
          onClick={onRemove}
        >
          <Trash2 />
        </Button>
      </div>
      {options.length > 0 ? (
        <div className="grid grid-cols-2 gap-2">
          {options.map((option) => (
            <OptionField key={option.name} index={index} option={option} />
          ))}
        </div>
      ) : null}
      {extra.length > 0 ? (
        <p className="font-mono text-[11px] break-words text-muted-foreground">
          {`Kept as they are: ${extra.map((key) => `${key}=${JSON.stringify(matcher[key])}`).join(', ')}`}
        </p>
      ) : null}
      <OtherErrors index={index} shown={options.map((o) => o.name)} />
    </li>
  );
}

/**
 * The case editor's matcher list: the one place the shared matcher editor plugs in. Until
 * renderer/src/components/matchers/ is on main, each row is the stopgap MatcherRow above; the
 * shared one replaces it as
 * `<MatcherEditor value={matchers[i]} onChange={(m) => setValue(`matchers.${i}`, m)}
 *   types={useMatcherTypes()} errors={errors.matchers?.[i] as option→message}
 *   onRemove={() => remove(i)} testId={`matcher-${i}`} />`
 * (the same test ids: `matcher-0-type`, `matcher-0-type-regex`, `matcher-0-pattern`).
 */
export function CaseMatchersSlot() {
  const { control } = useFormContext<CaseFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'matchers' });
  const { errors } = useFormState<CaseFormValues>({ name: 'matchers' });
  const listError = errors.matchers?.message ?? errors.matchers?.root?.message;
  return (
    <fieldset className="flex flex-col gap-2" data-testid="case-matchers">
      <legend className="mb-1 text-sm font-medium">Matchers</legend>
      {fields.length === 0 ? (
        <p className="text-xs text-muted-foreground">
          None: the case is unscored until a matcher judges it.
        </p>
      ) : null}
      <ul className="flex flex-col gap-2">
        {fields.map((field, index) => (
          <MatcherRow key={field.id} index={index} onRemove={() => remove(index)} />
        ))}
      </ul>
      {listError ? (
        <p role="alert" data-testid="field-error" className="text-xs text-destructive">
          {listError}
        </p>
      ) : null}
      <Button
        type="button"
        variant="outline"
        size="xs"
        className="self-start"
        data-testid="matcher-add"
        onClick={() => append({ type: 'contains' })}
      >
        <Plus />
        Add matcher
      </Button>
    </fieldset>
  );
}
