import { playgroundTargetSchema, type PromptConfig } from '../../../../shared/contract';
import { newId } from './new-id';
import { MAX_COLUMNS, type ColumnConfig, type PlaygroundTarget } from './types';

const COLUMNS_KEY = 'assay.playground.columns';
const BYPASS_KEY = 'assay.playground.bypassCache';

export const DEFAULT_TARGETS: readonly PlaygroundTarget[] = [
  { provider: 'openai', model: 'gpt-4o-mini' },
  { provider: 'anthropic', model: 'claude-haiku-4-5' },
];

export function withIds(targets: readonly PlaygroundTarget[]): ColumnConfig[] {
  return targets.map((target) => ({ ...target, id: newId() }));
}

export function toTarget({ provider, model, temperature, maxTokens, topP }: ColumnConfig) {
  const target: PlaygroundTarget = { provider, model: model.trim() };
  if (temperature !== undefined) target.temperature = temperature;
  if (maxTokens !== undefined) target.maxTokens = maxTokens;
  if (topP !== undefined) target.topP = topP;
  return target;
}

/** The sampling parameters a column can set; unset ones follow the linked prompt's config. */
export const PARAM_NAMES = ['temperature', 'maxTokens', 'topP'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];

/**
 * What a column sends: its own parameters where it overrides them, else the linked version's
 * saved config, else nothing (the provider's default).
 */
export function effectiveTarget(column: ColumnConfig, config: PromptConfig | undefined) {
  const target = toTarget(column);
  for (const name of PARAM_NAMES) {
    const inherited = config?.[name];
    if (target[name] === undefined && inherited !== undefined) target[name] = inherited;
  }
  return target;
}

function readJson(key: string): unknown {
  try {
    const text = localStorage.getItem(key);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the columns just are not remembered.
  }
}

/** The last used columns, or the two defaults; entries that no longer parse are skipped. */
export function loadColumns(): ColumnConfig[] {
  const stored = readJson(COLUMNS_KEY);
  if (Array.isArray(stored)) {
    const targets = stored
      .map((item) => playgroundTargetSchema.safeParse(item))
      .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
      .slice(0, MAX_COLUMNS);
    if (targets.length > 0) return withIds(targets);
  }
  return withIds(DEFAULT_TARGETS);
}

export function saveColumns(columns: readonly ColumnConfig[]): void {
  writeJson(COLUMNS_KEY, columns.map(toTarget));
}

/**
 * Off (the cache is used) unless the user turned it on, as in the new-run dialog and the CLI: an
 * unchanged request is not paid for twice, and a cached answer is marked "cached" in its column.
 */
export function loadBypassCache(): boolean {
  return readJson(BYPASS_KEY) === true;
}

export function saveBypassCache(value: boolean): void {
  writeJson(BYPASS_KEY, value);
}
