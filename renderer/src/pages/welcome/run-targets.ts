import type { LocalServer, ProviderId, SettingsView } from '../../../../shared/contract';

export interface RunTarget {
  readonly provider: ProviderId;
  readonly model: string;
}

/** A small, cheap model per hosted provider, for a first run of three cases. */
const HOSTED: readonly RunTarget[] = [
  { provider: 'openai', model: 'gpt-4o-mini' },
  { provider: 'anthropic', model: 'claude-haiku-4-5' },
];

export const targetId = (t: RunTarget): string => `${t.provider}:${t.model}`;

/**
 * What the example can run on now: the suite's models whose provider has a key, a small model
 * of every other provider with a key, and the models of the local server Settings points at when
 * the probe found it answering.
 */
export function runTargets(
  settings: SettingsView,
  suiteModels: readonly RunTarget[],
  servers: readonly LocalServer[],
): RunTarget[] {
  const keyed = (provider: ProviderId) =>
    (provider === 'openai' || provider === 'anthropic') && settings.providers[provider].apiKey.set;
  const out = new Map<string, RunTarget>();
  for (const t of [...suiteModels, ...HOSTED]) if (keyed(t.provider)) out.set(targetId(t), t);
  const local = servers.find((s) => sameUrl(s.baseUrl, settings.providers.local.baseUrl));
  for (const model of local?.models ?? []) out.set(`local:${model}`, { provider: 'local', model });
  return [...out.values()];
}

export function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}
