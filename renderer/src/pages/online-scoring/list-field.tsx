import { useState, type ComponentProps } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import {
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  useFormField,
} from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { firstMessage, listOf } from './rule-form';

type ListInputProps = Omit<ComponentProps<typeof Input>, 'value' | 'onChange'> & {
  readonly value: readonly string[] | undefined;
  readonly onChange: (value: string[] | undefined) => void;
};

/**
 * A list of short texts typed comma-separated. The text is kept as typed ("a, ") and the value
 * follows it; a value set from outside (a reset) replaces the text.
 */
function ListInput({ value, onChange, ...props }: ListInputProps) {
  const [text, setText] = useState((value ?? []).join(', '));
  const same = (listOf(text) ?? []).join('\u0000') === (value ?? []).join('\u0000');
  return (
    <Input
      autoComplete="off"
      {...props}
      value={same ? text : (value ?? []).join(', ')}
      onChange={(e) => {
        setText(e.target.value);
        onChange(listOf(e.target.value));
      }}
    />
  );
}

/** The field's error, or the first of its values' ("value 2: Too big"), next to it. */
function ListMessage() {
  const { errorId, name } = useFormField();
  const { control } = useFormContext();
  const { errors } = useFormState({ control, name });
  const text = firstMessage(
    name
      .split('.')
      .reduce<unknown>(
        (node, key) =>
          typeof node === 'object' && node !== null
            ? (node as Record<string, unknown>)[key]
            : undefined,
        errors,
      ),
  );
  if (!text) return null;
  return (
    <p id={errorId} role="alert" data-testid="field-error" className="text-xs text-destructive">
      {text}
    </p>
  );
}

/** A filter field: label, comma-separated values, hint, and the error of any value. */
export function ListField({
  name,
  label,
  hint,
  testId,
}: {
  name: string;
  label: string;
  hint: string;
  testId: string;
}) {
  return (
    <FormField
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <ListInput
              name={field.name}
              ref={field.ref}
              onBlur={field.onBlur}
              value={field.value as string[] | undefined}
              onChange={field.onChange}
              data-testid={testId}
              className="h-8 font-mono"
            />
          </FormControl>
          <FormDescription>{hint}</FormDescription>
          <ListMessage />
        </FormItem>
      )}
    />
  );
}
