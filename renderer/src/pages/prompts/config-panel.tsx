import { ChevronRight, SlidersHorizontal } from 'lucide-react';
import { useEffect, useEffectEvent, useState } from 'react';
import { useFormState } from 'react-hook-form';
import { PROVIDER_IDS } from '../../../../shared/contract';
import { Field, Form } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import { cn } from '../../lib/utils';
import { useContractForm } from '../../query/contract-form';
import { configSummary, type ConfigDraft, type ConfigErrors } from './config-draft';
import { configFormSchema } from './config-form';
import { ConfigJsonFields } from './config-json-fields';
import { OptionSelect } from '../../components/ui/option-select';
import { Textarea } from './textarea';

interface ConfigPanelProps {
  draft: ConfigDraft;
  /** What the draft's config still gets wrong (a refused save shows them on the fields). */
  errors: ConfigErrors;
  onChange: (draft: ConfigDraft) => void;
}

const PROVIDER_OPTIONS = [
  { value: '' as const, label: 'Not set' },
  ...PROVIDER_IDS.map((id) => ({ value: id, label: PROVIDER_LABELS[id] })),
];

const NUMBERS = [
  ['temperature', 'Temperature', '0–2'],
  ['maxTokens', 'Max tokens', '1024'],
  ['topP', 'Top p', '0–1'],
] as const;

const testIdOf = (field: string) =>
  `config-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * The model configuration versioned with the prompt; empty fields are not stored. A form of its
 * own (each error under its field), whose values flow into the editor's draft as they change.
 */
export function ConfigPanel({ draft, errors, onChange }: ConfigPanelProps) {
  const form = useContractForm(configFormSchema, draft, { mode: 'onChange' });
  const changed = useEffectEvent((values: ConfigDraft) => onChange(values));
  useEffect(() => {
    const subscription = form.watch((values) => changed(values as ConfigDraft));
    return () => subscription.unsubscribe();
  }, [form]);
  // The tab was left and opened again, or a save was refused: the fields say what is wrong.
  const draftHasErrors = Object.keys(errors).length > 0;
  useEffect(() => {
    if (draftHasErrors) void form.trigger();
  }, [draftHasErrors, form]);

  const { errors: fieldErrors } = useFormState({ control: form.control });
  const errorCount = Object.keys(fieldErrors).length;
  const [open, setOpen] = useState(errorCount > 0);
  const shown = open || errorCount > 0;

  return (
    <section className="flex flex-col rounded-md border bg-card" data-testid="prompt-config">
      <button
        type="button"
        aria-expanded={shown}
        data-testid="prompt-config-toggle"
        onClick={() => setOpen(!shown)}
        className="flex items-center gap-1.5 px-3 py-2 text-left text-xs font-semibold"
      >
        <ChevronRight className={cn('size-3.5 transition-transform', shown && 'rotate-90')} />
        <SlidersHorizontal className="size-3.5 text-muted-foreground" />
        <span className="shrink-0 whitespace-nowrap">Model config</span>
        <span
          className={cn(
            'ml-auto min-w-0 truncate font-normal text-muted-foreground',
            errorCount > 0 && 'text-destructive',
          )}
        >
          {errorCount > 0 ? `${errorCount} to fix` : configSummary(draft)}
        </span>
      </button>
      {shown ? (
        <Form {...form}>
          <div className="grid grid-cols-2 gap-2.5 border-t px-3 py-3 *:col-span-2">
            <Field
              name="provider"
              label="Provider"
              className="!col-span-1 min-w-0"
              render={({ onChange, ...field }) => (
                <OptionSelect
                  {...field}
                  onValueChange={onChange}
                  data-testid="config-provider"
                  className="h-7 text-xs"
                  options={PROVIDER_OPTIONS}
                />
              )}
            />
            <Field
              name="model"
              label="Model"
              className="!col-span-1 min-w-0"
              render={(field) => (
                <Input
                  {...field}
                  data-testid="config-model"
                  className="h-7 font-mono text-xs"
                  placeholder="gpt-4.1-mini"
                  spellCheck={false}
                />
              )}
            />
            {NUMBERS.map(([name, label, placeholder]) => (
              <Field
                key={name}
                name={name}
                label={label}
                className="!col-span-1 min-w-0"
                render={(field) => (
                  <Input
                    {...field}
                    data-testid={testIdOf(name)}
                    inputMode="decimal"
                    className="h-7 font-mono text-xs"
                    placeholder={placeholder}
                  />
                )}
              />
            ))}
            <Field
              name="stop"
              label="Stop sequences"
              hint="One per line; \n is a newline."
              render={(field) => (
                <Textarea {...field} data-testid="config-stop" rows={2} className="text-xs" />
              )}
            />
            <ConfigJsonFields form={form} />
          </div>
        </Form>
      ) : null}
    </section>
  );
}
