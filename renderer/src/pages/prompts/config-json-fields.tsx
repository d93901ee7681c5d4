import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { Checkbox } from '../../components/ui/checkbox';
import { Field, FormControl, FormField, FormItem, FormLabel } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { RESPONSE_FORMAT_LABELS, RESPONSE_FORMATS } from './config-draft';
import type { configFormSchema } from './config-form';
import { OptionSelect } from '../../components/ui/option-select';
import { Textarea } from './textarea';

type ConfigForm = UseFormReturn<
  z.input<typeof configFormSchema>,
  unknown,
  z.output<typeof configFormSchema>
>;

const FORMAT_OPTIONS = RESPONSE_FORMATS.map((format) => ({
  value: format,
  label: RESPONSE_FORMAT_LABELS[format],
}));

const TOOLS_HINT = 'A JSON array of {"name", "description", "parameters": {JSON schema}}.';

/** Response format (with a JSON schema) and tools: JSON checked as you type. */
export function ConfigJsonFields({ form }: { form: ConfigForm }) {
  const format = form.watch('responseFormat');
  const tools = form.watch('tools');
  return (
    <>
      <Field
        name="responseFormat"
        label="Response format"
        render={({ onChange, ...field }) => (
          <OptionSelect
            {...field}
            onValueChange={onChange}
            data-testid="config-response-format"
            className="h-7 text-xs"
            options={FORMAT_OPTIONS}
          />
        )}
      />
      {format === 'json_schema' ? (
        <>
          <Field
            name="schemaName"
            label="Schema name"
            render={(field) => (
              <Input
                {...field}
                data-testid="config-schema-name"
                className="h-7 font-mono text-xs"
                placeholder="answer"
              />
            )}
          />
          <Field
            name="schema"
            label="JSON schema"
            render={(field) => (
              <Textarea
                {...field}
                data-testid="config-schema"
                rows={6}
                className="text-xs"
                placeholder={'{\n  "type": "object",\n  "properties": {}\n}'}
              />
            )}
          />
          <FormField
            control={form.control}
            name="schemaStrict"
            render={({ field }) => (
              <FormItem className="flex items-center gap-1.5">
                <FormControl>
                  <Checkbox
                    data-testid="config-schema-strict"
                    checked={field.value}
                    onCheckedChange={(checked) => field.onChange(checked === true)}
                    onBlur={field.onBlur}
                  />
                </FormControl>
                <FormLabel className="text-xs font-normal text-muted-foreground">Strict</FormLabel>
              </FormItem>
            )}
          />
        </>
      ) : null}
      <Field
        name="tools"
        label="Tools"
        hint={TOOLS_HINT}
        render={(field) => (
          <Textarea
            {...field}
            data-testid="config-tools"
            rows={tools ? 8 : 2}
            className="text-xs"
            placeholder='[{"name": "search", "description": "…", "parameters": {"type": "object"}}]'
          />
        )}
      />
    </>
  );
}
