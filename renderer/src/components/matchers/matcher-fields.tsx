import { useEffect, useRef, type ComponentProps } from 'react';
import type { MatcherField, MatcherInput, MatcherTypeView } from '../../../../shared/contract';
import { useContractForm } from '../../query/contract-form';
import { Checkbox } from '../ui/checkbox';
import { Field, Form, FormRootError } from '../ui/form';
import { Input } from '../ui/input';
import { draftOf, draftSchema, matcherOf, type MatcherDraft } from './matcher-draft';
import { OptionSelect, OptionTextArea } from './option-controls';

interface MatcherFieldsProps {
  readonly type: MatcherTypeView;
  readonly value: MatcherInput;
  readonly onChange: (value: MatcherInput) => void;
  /** The server's verdict on this matcher, by option (`pattern`); '' for the matcher as a whole. */
  readonly errors?: Readonly<Record<string, string>>;
  /** Prefixes test ids, so several editors on a page stay apart. */
  readonly testId: string;
}

/** What FormControl hands its child: the label's id, the hint and error ids, the invalid flag. */
type SlotProps = Pick<ComponentProps<'input'>, 'id' | 'aria-describedby' | 'aria-invalid'>;

function OptionControl({
  field,
  testId,
  control,
  ...slot
}: SlotProps & {
  field: MatcherField;
  testId: string;
  control: { value: string | boolean; onChange: (v: unknown) => void; onBlur: () => void };
}) {
  const id = `${testId}-${field.name}`;
  const text = typeof control.value === 'string' ? control.value : '';
  if (field.kind === 'boolean')
    return (
      <Checkbox
        {...slot}
        data-testid={id}
        checked={control.value === true}
        onCheckedChange={(checked) => control.onChange(checked === true)}
        onBlur={control.onBlur}
      />
    );
  if (field.kind === 'enum')
    return (
      <OptionSelect
        {...slot}
        data-testid={id}
        value={text}
        options={field.options}
        onChange={control.onChange}
      />
    );
  if (field.kind === 'text' || field.kind === 'json')
    return (
      <OptionTextArea
        {...slot}
        data-testid={id}
        value={text}
        placeholder={field.kind === 'json' ? 'JSON' : undefined}
        onChange={(e) => control.onChange(e.target.value)}
        onBlur={control.onBlur}
      />
    );
  return (
    <Input
      {...slot}
      data-testid={id}
      className="font-mono text-xs"
      inputMode={field.kind === 'string' ? undefined : 'decimal'}
      value={text}
      onChange={(e) => control.onChange(e.target.value)}
      onBlur={control.onBlur}
    />
  );
}

/**
 * A matcher's options as a form, one field per option of its type (read from the matcher's own
 * schema by evals.matcherTypes), plus `not` and, for graded matchers, the threshold. Every
 * change is passed up as a matcher; what is wrong shows next to its option, from this form's
 * own checks and from the server's (`errors`).
 */
export function MatcherFields({ type, value, onChange, errors, testId }: MatcherFieldsProps) {
  const form = useContractForm(draftSchema(type), draftOf(value, type), { mode: 'onChange' });
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    const subscription = form.watch((draft) =>
      onChangeRef.current(matcherOf(draft as MatcherDraft, type)),
    );
    return () => subscription.unsubscribe();
  }, [form, type]);

  useEffect(() => {
    form.clearErrors();
    const names = new Set(Object.keys(form.getValues()));
    for (const [path, message] of Object.entries(errors ?? {})) {
      const name = path.split('.')[0] ?? '';
      if (names.has(name)) form.setError(name as 'not', { message });
      else form.setError('root', { message: path ? `${path}: ${message}` : message });
    }
  }, [form, errors]);

  return (
    <Form {...form}>
      <div className="grid grid-cols-2 gap-3" data-testid={`${testId}-fields`}>
        {type.fields.map((field) => (
          <Field
            key={field.name}
            name={field.name}
            label={field.required ? `${field.name} *` : field.name}
            hint={field.description ?? undefined}
            className={field.kind === 'text' || field.kind === 'json' ? 'col-span-2' : undefined}
            render={(control) => <OptionControl field={field} testId={testId} control={control} />}
          />
        ))}
        {type.binary ? null : (
          <Field
            name="threshold"
            label="threshold"
            hint={`Passes at this score or above (default ${type.defaultThreshold})`}
            render={(control) => (
              <Input
                data-testid={`${testId}-threshold`}
                className="font-mono text-xs"
                inputMode="decimal"
                placeholder={String(type.defaultThreshold)}
                {...control}
                value={typeof control.value === 'string' ? control.value : ''}
              />
            )}
          />
        )}
        <Field
          name="not"
          label="not"
          hint="Passes when the matcher would fail"
          render={(control) => (
            <Checkbox
              data-testid={`${testId}-not`}
              checked={control.value === true}
              onCheckedChange={(checked) => control.onChange(checked === true)}
            />
          )}
        />
      </div>
      <FormRootError />
    </Form>
  );
}
