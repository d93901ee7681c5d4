import type { ComponentProps, ReactNode } from 'react';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from './select';

export interface SelectOption<V extends string> {
  readonly value: V;
  readonly label: ReactNode;
  readonly testId?: string;
}

/** Radix refuses an item whose value is "": the "none" choices (All kinds, Not set) use this. */
const NONE = '__none__';
const itemValue = (value: string) => (value === '' ? NONE : value);

type TriggerProps = Omit<ComponentProps<typeof SelectTrigger>, 'value' | 'onChange' | 'children'>;

interface OptionSelectProps<V extends string> extends TriggerProps {
  value: V;
  onValueChange: (value: V) => void;
  options: readonly SelectOption<V>[];
  placeholder?: string;
  itemClassName?: string;
}

/**
 * The kit's Select over a list of options. Every other prop lands on the trigger, so a form
 * field's id, aria-describedby and aria-invalid (given by FormControl) reach the focusable part,
 * and Enter/arrow keys behave as the kit's Select does.
 */
export function OptionSelect<V extends string>({
  value,
  onValueChange,
  options,
  placeholder,
  itemClassName,
  name,
  disabled,
  ...trigger
}: OptionSelectProps<V>) {
  // Nothing chosen and no "none" choice offered: Radix shows the placeholder for "".
  const shown = value === '' && !options.some((o) => o.value === '') ? '' : itemValue(value);
  return (
    <Select
      name={name}
      disabled={disabled}
      value={shown}
      onValueChange={(next) => {
        const option = options.find((o) => itemValue(o.value) === next);
        if (option) onValueChange(option.value);
      }}
    >
      <SelectTrigger {...trigger}>
        <SelectValue placeholder={placeholder} />
      </SelectTrigger>
      <SelectContent>
        {options.map((option) => (
          <SelectItem
            key={option.value}
            value={itemValue(option.value)}
            data-testid={option.testId}
            className={itemClassName}
          >
            {option.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
