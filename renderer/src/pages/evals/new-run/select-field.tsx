import type { ReactNode } from 'react';
import {
  FormControl,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
} from '../../../components/ui/form';
import { Select, SelectContent, SelectTrigger, SelectValue } from '../../../components/ui/select';
import type { RunFormValues } from './run-form-schema';

type TextField = 'dataset' | 'prompt' | 'selector' | 'scorecard';

interface SelectFieldProps {
  readonly name: TextField;
  readonly label: string;
  /** The trigger's test id; its `data-value` is the form's value (what e2e tests read). */
  readonly testId: string;
  readonly placeholder?: string;
  readonly className?: string;
  /** The item that stands for '' in the form (Radix Select items cannot be empty). */
  readonly emptyAs?: string;
  readonly onPicked?: (value: string) => void;
  /** The SelectItems. */
  readonly children: ReactNode;
}

/**
 * A pick-one field of the new-run form: its label points at the Select's trigger, which carries
 * the field's error state and hint, and the error shows under it.
 */
export function SelectField({
  name,
  label,
  testId,
  placeholder,
  className,
  emptyAs,
  onPicked,
  children,
}: SelectFieldProps) {
  return (
    <FormField<RunFormValues, TextField>
      name={name}
      render={({ field: { value, onChange, onBlur, ref } }) => (
        <FormItem className={className}>
          <FormLabel>{label}</FormLabel>
          <Select
            value={value === '' ? (emptyAs ?? '') : value}
            onValueChange={(next) => {
              const picked = next === emptyAs ? '' : next;
              onChange(picked);
              onPicked?.(picked);
            }}
          >
            <FormControl>
              <SelectTrigger ref={ref} onBlur={onBlur} data-testid={testId} data-value={value}>
                <SelectValue placeholder={placeholder} />
              </SelectTrigger>
            </FormControl>
            <SelectContent>{children}</SelectContent>
          </Select>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
