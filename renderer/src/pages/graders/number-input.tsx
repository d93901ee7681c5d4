import { useState, type ComponentProps } from 'react';
import { Input } from '../../components/ui/input';

type NumberInputProps = Omit<ComponentProps<typeof Input>, 'value' | 'onChange' | 'type'> & {
  readonly value: number | undefined;
  /** undefined for a blank box, NaN for text that is not a number (the schema says why). */
  readonly onChange: (value: number | undefined) => void;
};

const parse = (text: string) => (text.trim() === '' ? undefined : Number(text));

/**
 * A number as a form value. The text is kept as typed ("-", "0.") and the value follows it; a
 * value set from outside (a preset) replaces the text.
 */
export function NumberInput({ value, onChange, ...props }: NumberInputProps) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const parsed = parse(text);
  const same = parsed === value || (Number.isNaN(parsed) && Number.isNaN(value));
  const shown = same ? text : value === undefined ? '' : String(value);
  return (
    <Input
      inputMode="decimal"
      autoComplete="off"
      {...props}
      value={shown}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parse(e.target.value));
      }}
    />
  );
}
