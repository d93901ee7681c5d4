import type { ProviderId } from './contract';

/**
 * promptfoo provider ids → Assay targets: `openai:chat:gpt-4o-mini` and `openai:gpt-4o-mini`
 * → openai, `anthropic:messages:claude-…` → anthropic, `bedrock:…` → bedrock, `ollama:chat:x`
 * and `ollama:x` → the local OpenAI-compatible server. Assay's own `provider:model` form too.
 */
export function parseTargetId(id: string): { provider: ProviderId; model: string } | null {
  const m = /^([a-z]+):(?:(?:chat|messages|completion):)?(.+)$/.exec(id.trim());
  if (!m) return null;
  const [, prefix, model] = m;
  const provider: Record<string, ProviderId> = {
    openai: 'openai',
    anthropic: 'anthropic',
    bedrock: 'bedrock',
    local: 'local',
    ollama: 'local',
  };
  const p = provider[prefix!];
  return p && model ? { provider: p, model } : null;
}
