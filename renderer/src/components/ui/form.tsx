import { Slot } from '@radix-ui/react-slot';
import { createContext, useContext, useId, type ComponentProps, type ReactNode } from 'react';
import {
  Controller,
  FormProvider,
  useFormContext,
  useFormState,
  type ControllerProps,
  type ControllerRenderProps,
  type FieldPath,
  type FieldValues,
} from 'react-hook-form';
import { cn } from '../../lib/utils';
import { Label } from './label';

/**
 * shadcn/ui's Form on react-hook-form: the one Form/Field pattern of the workbench. A field is
 * its label, its control, a hint and its error, wired for screen readers (the control is
 * described by the hint and the error, and marked invalid). Use `Field` for the common row; the
 * parts below compose anything else.
 */
export const Form = FormProvider;

interface FieldContextValue {
  readonly name: string;
}
const FieldContext = createContext<FieldContextValue | null>(null);
const ItemContext = createContext<string | null>(null);

export function FormField<
  TValues extends FieldValues = FieldValues,
  TName extends FieldPath<TValues> = FieldPath<TValues>,
>(props: ControllerProps<TValues, TName>) {
  return (
    <FieldContext.Provider value={{ name: props.name }}>
      <Controller {...props} />
    </FieldContext.Provider>
  );
}

/** The ids and error of the field around the caller. */
export function useFormField() {
  const field = useContext(FieldContext);
  const id = useContext(ItemContext);
  const { getFieldState } = useFormContext();
  const formState = useFormState({ name: field?.name });
  if (!field || !id)
    throw new Error('useFormField() needs a <FormField> and a <FormItem> above it');
  const state = getFieldState(field.name, formState);
  return {
    id,
    name: field.name,
    controlId: `${id}-control`,
    hintId: `${id}-hint`,
    errorId: `${id}-error`,
    error: state.error,
  };
}

export function FormItem({ className, ...props }: ComponentProps<'div'>) {
  const id = useId();
  return (
    <ItemContext.Provider value={id}>
      <div className={cn('grid gap-1.5', className)} {...props} />
    </ItemContext.Provider>
  );
}

export function FormLabel({ className, ...props }: ComponentProps<typeof Label>) {
  const { controlId, error } = useFormField();
  return (
    <Label
      htmlFor={controlId}
      data-error={error ? true : undefined}
      className={cn('data-[error=true]:text-destructive', className)}
      {...props}
    />
  );
}

export function FormControl(props: ComponentProps<typeof Slot>) {
  const { controlId, hintId, errorId, error } = useFormField();
  return (
    <Slot
      id={controlId}
      aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      aria-invalid={error ? true : undefined}
      {...props}
    />
  );
}

export function FormDescription({ className, ...props }: ComponentProps<'p'>) {
  const { hintId } = useFormField();
  return <p id={hintId} className={cn('text-xs text-muted-foreground', className)} {...props} />;
}

/** The field's error, once, next to it; nothing when the field is valid. */
export function FormMessage({ className, ...props }: ComponentProps<'p'>) {
  const { errorId, error } = useFormField();
  const text = error?.message;
  if (!text) return null;
  return (
    <p
      id={errorId}
      role="alert"
      data-testid="field-error"
      className={cn('text-xs text-destructive', className)}
      {...props}
    >
      {text}
    </p>
  );
}

interface FieldProps<TValues extends FieldValues, TName extends FieldPath<TValues>> {
  readonly name: TName;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly className?: string;
  /** The control, given react-hook-form's value and handlers for this field. */
  readonly render: (field: ControllerRenderProps<TValues, TName>) => React.ReactElement;
}

/** The common field row: label, control, hint, error. */
export function Field<TValues extends FieldValues, TName extends FieldPath<TValues>>({
  name,
  label,
  hint,
  className,
  render,
}: FieldProps<TValues, TName>) {
  return (
    <FormField<TValues, TName>
      name={name}
      render={({ field }) => (
        <FormItem className={className}>
          <FormLabel>{label}</FormLabel>
          <FormControl>{render(field)}</FormControl>
          {hint ? <FormDescription>{hint}</FormDescription> : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/** A form-level error (not tied to one field), shown once above the form's buttons. */
export function FormRootError() {
  const { errors } = useFormState();
  const text = errors.root?.message;
  if (!text) return null;
  return (
    <p role="alert" data-testid="form-error" className="text-xs text-destructive">
      {text}
    </p>
  );
}
