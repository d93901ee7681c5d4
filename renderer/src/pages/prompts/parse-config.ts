import type { PromptConfig } from '../../../../shared/contract';
import { unescapeStop, type ConfigDraft, type ConfigErrors } from './config-draft';

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseNumber(text: string, min: number, max: number, integer: boolean) {
  const trimmed = text.trim();
  if (trimmed === '') return { value: undefined };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: 'must be a number' };
  if (integer && !Number.isInteger(value)) return { error: 'must be a whole number' };
  if (value < min || value > max) return { error: `must be between ${min} and ${max}` };
  return { value };
}

/** Parses JSON text that must be an object; the error says what is wrong. */
export function parseJsonObject(text: string): { value?: JsonObject; error?: string } {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? { value } : { error: 'must be a JSON object' };
  } catch (err) {
    return { error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}

type Tool = NonNullable<PromptConfig['tools']>[number];

/** Tools as a JSON array of {name, description?, parameters}, checked like the backend does. */
export function parseTools(text: string): { value?: Tool[]; error?: string } {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!Array.isArray(parsed)) return { error: 'must be a JSON array of tools' };
  const tools: Tool[] = [];
  for (const [index, item] of (parsed as unknown[]).entries()) {
    const where = `tool ${index + 1}`;
    if (!isObject(item)) return { error: `${where} must be an object` };
    const extra = Object.keys(item).filter(
      (k) => !['name', 'description', 'parameters'].includes(k),
    );
    if (extra.length > 0) return { error: `${where}: unknown field "${extra[0]}"` };
    const { name, description, parameters } = item;
    if (typeof name !== 'string' || !TOOL_NAME.test(name))
      return { error: `${where}: name must be letters, digits, _ and - (at most 64)` };
    if (description !== undefined && typeof description !== 'string')
      return { error: `${where}: description must be a string` };
    if (!isObject(parameters)) return { error: `${where}: parameters must be a JSON object` };
    tools.push(
      description === undefined ? { name, parameters } : { name, description, parameters },
    );
  }
  return { value: tools };
}

function parseResponseFormat(draft: ConfigDraft, errors: ConfigErrors) {
  switch (draft.responseFormat) {
    case '':
      return undefined;
    case 'text':
      return { type: 'text' as const };
    case 'json_object':
      return { type: 'json_object' as const };
    case 'json_schema': {
      const name = draft.schemaName.trim();
      if (!TOOL_NAME.test(name)) errors.schemaName = 'letters, digits, _ and - only (at most 64)';
      const schema = parseJsonObject(draft.schema);
      if (schema.error) errors.schema = schema.error;
      if (!schema.value || errors.schemaName) return undefined;
      return {
        type: 'json_schema' as const,
        name,
        schema: schema.value,
        ...(draft.schemaStrict ? { strict: true } : {}),
      };
    }
  }
}

/** The stored config (empty fields omitted; undefined when nothing is set) and field errors. */
export function parseConfigDraft(draft: ConfigDraft): {
  config: PromptConfig | undefined;
  errors: ConfigErrors;
} {
  const errors: ConfigErrors = {};
  const config: PromptConfig = {};
  if (draft.provider) config.provider = draft.provider;
  if (draft.model.trim()) config.model = draft.model.trim();
  const numbers = [
    ['temperature', 0, 2, false],
    ['maxTokens', 1, 1_000_000, true],
    ['topP', 0, 1, false],
  ] as const;
  for (const [field, min, max, integer] of numbers) {
    const parsed = parseNumber(draft[field], min, max, integer);
    if (parsed.error) errors[field] = parsed.error;
    else if (parsed.value !== undefined) config[field] = parsed.value;
  }
  const stop = draft.stop
    .split('\n')
    .filter((line) => line !== '')
    .map(unescapeStop);
  if (stop.length > 16) errors.stop = 'at most 16 stop sequences';
  else if (stop.length > 0) config.stop = stop;
  const responseFormat = parseResponseFormat(draft, errors);
  if (responseFormat) config.responseFormat = responseFormat;
  const tools = parseTools(draft.tools);
  if (tools.error) errors.tools = tools.error;
  else if (tools.value && tools.value.length > 0) config.tools = tools.value;
  return { config: Object.keys(config).length > 0 ? config : undefined, errors };
}
