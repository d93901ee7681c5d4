import type { ProviderId, SettingsView } from '../../../../shared/contract';
import { DEFAULT_LOCAL_BASE_URL } from '../../../../shared/contract/settings';

type ProviderView<P extends ProviderId> = SettingsView['providers'][P];

export interface FieldSpec<K extends string = string> {
  /** The field's name in both the provider's SettingsView block and its update input. */
  name: K;
  label: string;
  kind: 'text' | 'url' | 'secret';
  placeholder?: string;
  hint?: string;
  /** What an emptied non-secret input sends: `null` resets it, `omit` keeps the saved value. */
  whenEmpty?: 'null' | 'omit';
}

export interface ProviderSpec {
  id: ProviderId;
  title: string;
  description: string;
  fields: readonly FieldSpec[];
}

/** Checks at compile time that every field name exists in that provider's settings. */
function defineProvider<P extends ProviderId>(spec: {
  id: P;
  title: string;
  description: string;
  fields: readonly FieldSpec<Extract<keyof ProviderView<P>, string>>[];
}): ProviderSpec {
  return spec;
}

const apiKey = (placeholder: string, hint?: string): FieldSpec<'apiKey'> => ({
  name: 'apiKey',
  label: 'API key',
  kind: 'secret',
  placeholder,
  hint,
});

export const PROVIDER_SPECS: readonly ProviderSpec[] = [
  defineProvider({
    id: 'openai',
    title: 'OpenAI',
    description: 'GPT and o-series models through the OpenAI API.',
    fields: [
      apiKey('sk-…'),
      {
        name: 'baseUrl',
        label: 'Base URL',
        kind: 'url',
        placeholder: 'https://api.openai.com/v1',
        hint: 'Leave empty for the official API; set it to use a proxy or gateway.',
        whenEmpty: 'null',
      },
    ],
  }),
  defineProvider({
    id: 'anthropic',
    title: 'Anthropic',
    description: 'Claude models through the Anthropic API.',
    fields: [
      apiKey('sk-ant-…'),
      {
        name: 'baseUrl',
        label: 'Base URL',
        kind: 'url',
        placeholder: 'https://api.anthropic.com',
        hint: 'Leave empty for the official API; set it to use a proxy or gateway.',
        whenEmpty: 'null',
      },
    ],
  }),
  defineProvider({
    id: 'bedrock',
    title: 'AWS Bedrock',
    description:
      'Models hosted on Amazon Bedrock. Without keys or a profile, the default AWS credential chain is used.',
    fields: [
      // An emptied region keeps the saved one: the region cannot be unset, only changed.
      {
        name: 'region',
        label: 'Region',
        kind: 'text',
        placeholder: 'us-east-1',
        whenEmpty: 'omit',
      },
      {
        name: 'profile',
        label: 'Profile',
        kind: 'text',
        placeholder: 'default',
        hint: 'A named profile from ~/.aws/config.',
        whenEmpty: 'null',
      },
      { name: 'accessKeyId', label: 'Access key ID', kind: 'secret', placeholder: 'AKIA…' },
      { name: 'secretAccessKey', label: 'Secret access key', kind: 'secret' },
      {
        name: 'sessionToken',
        label: 'Session token',
        kind: 'secret',
        hint: 'Only for temporary credentials.',
      },
      {
        name: 'endpoint',
        label: 'Endpoint override URL',
        kind: 'url',
        placeholder: 'https://bedrock-runtime.us-east-1.amazonaws.com',
        hint: 'For a VPC endpoint or a gateway; leave empty for the regional default.',
        whenEmpty: 'null',
      },
    ],
  }),
  defineProvider({
    id: 'local',
    title: 'Local OpenAI-compatible server',
    description: 'Ollama, llama.cpp, LM Studio or any server that speaks the OpenAI API.',
    fields: [
      {
        name: 'baseUrl',
        label: 'Base URL',
        kind: 'url',
        placeholder: DEFAULT_LOCAL_BASE_URL,
        hint: 'Ollama listens on :11434/v1, LM Studio on :1234/v1, llama.cpp on :8080/v1.',
        // The local server always has an address; an emptied input keeps the saved one.
        whenEmpty: 'omit',
      },
      apiKey('Optional', 'Most local servers ignore it; set it if yours checks one.'),
    ],
  }),
];
