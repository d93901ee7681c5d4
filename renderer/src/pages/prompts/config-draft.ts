import type { PromptConfig, ProviderId } from '../../../../shared/contract';

export const RESPONSE_FORMATS = ['', 'text', 'json_object', 'json_schema'] as const;
export type ResponseFormatChoice = (typeof RESPONSE_FORMATS)[number];

export const RESPONSE_FORMAT_LABELS: Record<ResponseFormatChoice, string> = {
  '': 'Default (not set)',
  text: 'Text',
  json_object: 'JSON object',
  json_schema: 'JSON schema',
};

/** The model configuration as the user types it; every field may be empty (= not stored). */
export interface ConfigDraft {
  provider: ProviderId | '';
  model: string;
  temperature: string;
  maxTokens: string;
  topP: string;
  /** One stop sequence per line; `\n` and `\t` stand for a newline and a tab. */
  stop: string;
  responseFormat: ResponseFormatChoice;
  schemaName: string;
  /** The JSON schema, as JSON text. */
  schema: string;
  schemaStrict: boolean;
  /** The tools, as a JSON array of {name, description, parameters}. */
  tools: string;
}

export type ConfigField = keyof ConfigDraft;
export type ConfigErrors = Partial<Record<ConfigField, string>>;

export const EMPTY_CONFIG_DRAFT: ConfigDraft = {
  provider: '',
  model: '',
  temperature: '',
  maxTokens: '',
  topP: '',
  stop: '',
  responseFormat: '',
  schemaName: '',
  schema: '',
  schemaStrict: false,
  tools: '',
};

const escapeStop = (stop: string) =>
  stop.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');

export const unescapeStop = (line: string) =>
  line.replace(/\\(\\|n|t)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));

const numberText = (value: number | undefined) => (value === undefined ? '' : String(value));
const jsonText = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));

export function configDraftOf(config: PromptConfig | undefined): ConfigDraft {
  if (!config) return EMPTY_CONFIG_DRAFT;
  const format = config.responseFormat;
  return {
    provider: config.provider ?? '',
    model: config.model ?? '',
    temperature: numberText(config.temperature),
    maxTokens: numberText(config.maxTokens),
    topP: numberText(config.topP),
    stop: (config.stop ?? []).map(escapeStop).join('\n'),
    responseFormat: format?.type ?? '',
    schemaName: format?.type === 'json_schema' ? format.name : '',
    schema: format?.type === 'json_schema' ? jsonText(format.schema) : '',
    schemaStrict: format?.type === 'json_schema' ? (format.strict ?? false) : false,
    tools: config.tools && config.tools.length > 0 ? jsonText(config.tools) : '',
  };
}

/** How many config fields are set, for the collapsed panel's summary. */
export function configSummary(draft: ConfigDraft): string {
  const parts: string[] = [];
  if (draft.provider) parts.push(draft.provider);
  if (draft.model.trim()) parts.push(draft.model.trim());
  if (draft.temperature.trim()) parts.push(`t=${draft.temperature.trim()}`);
  if (draft.maxTokens.trim()) parts.push(`max ${draft.maxTokens.trim()}`);
  if (draft.responseFormat) parts.push(RESPONSE_FORMAT_LABELS[draft.responseFormat]);
  if (draft.tools.trim()) parts.push('tools');
  return parts.length > 0 ? parts.join(' · ') : 'not set';
}
