import type { ProviderId } from '../../../shared/contract';

/** Short provider names for tables, filters and toasts. */
export const PROVIDER_LABELS: Record<ProviderId, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  bedrock: 'Bedrock',
  local: 'Local',
};
