import type { ComponentProps } from 'react';
import { cn } from '../../lib/utils';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '../ui/select';

/** Radix Select refuses an empty item value: this one stands for "leave the option out". */
const UNSET = '__unset__';

type TriggerProps = Omit<ComponentProps<typeof SelectTrigger>, 'onChange' | 'value'>;

/**
 * A choice among an option's values, or none (the matcher's default). The label's id and the
 * field's hint and error reach the trigger, which is the control a screen reader lands on.
 */
export function OptionSelect({
  value,
  onChange,
  options,
  placeholder = 'default',
  ...trigger
}: TriggerProps & {
  value: string;
  onChange: (value: string) => void;
  options: readonly string[];
  placeholder?: string;
}) {
  return (
    <Select
      value={value === '' ? UNSET : value}
      onValueChange={(v) => onChange(v === UNSET ? '' : v)}
    >
      <SelectTrigger {...trigger}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={UNSET}>{placeholder}</SelectItem>
        {options.map((option) => (
          <SelectItem key={option} value={option}>
            {option}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

const TEXTAREA =
  'w-full rounded-md border border-input bg-background px-2 py-1 font-mono text-xs shadow-xs outline-none focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40 aria-invalid:border-destructive dark:bg-input/20';

/** Several lines of option text (a rubric, a scorer's code, JSON). */
export function OptionTextArea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea rows={3} spellCheck={false} className={cn(TEXTAREA, className)} {...props} />;
}
