import { NativeSelect } from '../../components/ui/native-select';
import { Input } from '../../components/ui/input';
import { ConfigField } from './config-field';
import {
  RESPONSE_FORMAT_LABELS,
  RESPONSE_FORMATS,
  type ConfigDraft,
  type ConfigErrors,
  type ResponseFormatChoice,
} from './config-draft';
import { Textarea } from './textarea';

interface ConfigJsonFieldsProps {
  draft: ConfigDraft;
  errors: ConfigErrors;
  set: (patch: Partial<ConfigDraft>) => void;
}

const isFormat = (value: string): value is ResponseFormatChoice =>
  (RESPONSE_FORMATS as readonly string[]).includes(value);

const TOOLS_HINT = 'A JSON array of {"name", "description", "parameters": {JSON schema}}.';

/** Response format (with a JSON schema) and tools: JSON checked as you type. */
export function ConfigJsonFields({ draft, errors, set }: ConfigJsonFieldsProps) {
  return (
    <>
      <ConfigField id="config-response-format" label="Response format">
        <NativeSelect
          id="config-response-format"
          data-testid="config-response-format"
          className="h-7 text-xs"
          value={draft.responseFormat}
          onChange={(e) => isFormat(e.target.value) && set({ responseFormat: e.target.value })}
        >
          {RESPONSE_FORMATS.map((format) => (
            <option key={format} value={format}>
              {RESPONSE_FORMAT_LABELS[format]}
            </option>
          ))}
        </NativeSelect>
      </ConfigField>
      {draft.responseFormat === 'json_schema' ? (
        <>
          <ConfigField id="config-schema-name" label="Schema name" error={errors.schemaName}>
            <Input
              id="config-schema-name"
              data-testid="config-schema-name"
              className="h-7 font-mono text-xs"
              placeholder="answer"
              value={draft.schemaName}
              aria-invalid={errors.schemaName ? true : undefined}
              onChange={(e) => set({ schemaName: e.target.value })}
            />
          </ConfigField>
          <ConfigField id="config-schema" label="JSON schema" error={errors.schema}>
            <Textarea
              id="config-schema"
              data-testid="config-schema"
              rows={6}
              className="text-xs"
              placeholder={'{\n  "type": "object",\n  "properties": {}\n}'}
              value={draft.schema}
              aria-invalid={errors.schema ? true : undefined}
              onChange={(e) => set({ schema: e.target.value })}
            />
          </ConfigField>
          <label className="flex items-center gap-1.5 text-xs text-muted-foreground">
            <input
              type="checkbox"
              data-testid="config-schema-strict"
              className="size-3.5 accent-foreground"
              checked={draft.schemaStrict}
              onChange={(e) => set({ schemaStrict: e.target.checked })}
            />
            Strict
          </label>
        </>
      ) : null}
      <ConfigField id="config-tools" label="Tools" error={errors.tools} hint={TOOLS_HINT}>
        <Textarea
          id="config-tools"
          data-testid="config-tools"
          rows={draft.tools ? 8 : 2}
          className="text-xs"
          placeholder='[{"name": "search", "description": "…", "parameters": {"type": "object"}}]'
          value={draft.tools}
          aria-invalid={errors.tools ? true : undefined}
          onChange={(e) => set({ tools: e.target.value })}
        />
      </ConfigField>
    </>
  );
}
