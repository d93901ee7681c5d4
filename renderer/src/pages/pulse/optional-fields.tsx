import { Field } from '../../components/ui/form';
import { Input } from '../../components/ui/input';

/** An empty box is no value (the schema's default or "any"), never 0 or "". */
const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));
const textOrUndefined = (text: string) => (text.trim() === '' ? undefined : text);

interface OptionalFieldProps {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly testId: string;
}

/** A number typed in a text box, so a half-typed one is shown as typed and checked by the schema. */
export function NumberField({
  inputMode,
  testId,
  ...props
}: OptionalFieldProps & { readonly inputMode: 'decimal' | 'numeric' }) {
  return (
    <Field
      {...props}
      render={(field) => (
        <Input
          name={field.name}
          ref={field.ref}
          onBlur={field.onBlur}
          className="h-8 font-mono"
          inputMode={inputMode}
          data-testid={testId}
          value={typeof field.value === 'number' ? String(field.value) : ''}
          onChange={(e) => field.onChange(numberOrUndefined(e.target.value))}
        />
      )}
    />
  );
}

/** Text that may be left empty: empty is absent. */
export function OptionalTextField({ testId, ...props }: OptionalFieldProps) {
  return (
    <Field
      {...props}
      render={(field) => (
        <Input
          {...field}
          className="h-8 font-mono"
          data-testid={testId}
          value={field.value ?? ''}
          onChange={(e) => field.onChange(textOrUndefined(e.target.value))}
        />
      )}
    />
  );
}
