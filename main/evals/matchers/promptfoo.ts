import type { MatcherSpec } from '../types';

/**
 * Maps promptfoo assertions (`{type, value, threshold, weight, metric}`, `not-` prefixes
 * included) to Assay matchers, for the dataset importer. Only shape is mapped here; the importer
 * validates the result with parseMatcherSpec like any other matcher, so a bad regex in a
 * promptfoo file is reported at its field. Types without a faithful equivalent are refused with
 * a reason rather than imported with different meaning.
 */
export interface PromptfooAssert {
  readonly type: string;
  readonly [key: string]: unknown;
}

export type PromptfooMapping =
  | { readonly ok: true; readonly matcher: MatcherSpec; readonly note?: string }
  | { readonly ok: false; readonly reason: string };

type Mapped = Record<string, unknown> | string;

const stringValue = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : undefined;

/** promptfoo accepts `contains-any` values as a list or as comma-separated text. */
function valueList(v: unknown): string[] | string {
  if (Array.isArray(v)) {
    const items = v.map(stringValue);
    return items.every((s): s is string => s !== undefined)
      ? items
      : 'value must be a list of strings';
  }
  const text = stringValue(v);
  if (text === undefined) return 'value must be a list of strings';
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function jsonSchemaValue(v: unknown): Record<string, unknown> | string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  if (typeof v === 'string') {
    try {
      const parsed: unknown = JSON.parse(v);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
        return parsed as Record<string, unknown>;
    } catch {
      // Falls through to the refusal below.
    }
  }
  return 'the JSON Schema must be an object (schemas in text or files are not loaded)';
}

/** promptfoo provider prefixes → Assay provider ids; Ollama is served by the local provider. */
const PROVIDERS: Record<string, string> = {
  openai: 'openai',
  anthropic: 'anthropic',
  bedrock: 'bedrock',
  ollama: 'local',
};
/** promptfoo's API-style segment (`anthropic:messages:claude…`, `ollama:chat:llama3`). */
const API_SEGMENT = /^(chat|completion|messages|converse):/;

/** `openai:gpt-4o-mini` or `{id: 'openai:gpt-4o-mini'}` → provider and model. */
function judgeOf(provider: unknown): Record<string, string> | string {
  if (provider === undefined) return {};
  const id =
    typeof provider === 'string'
      ? provider
      : provider !== null && typeof provider === 'object' && 'id' in provider
        ? (provider as { id: unknown }).id
        : undefined;
  if (typeof id !== 'string' || !id.includes(':')) return 'provider must be "provider:model" text';
  const at = id.indexOf(':');
  const prefix = id.slice(0, at);
  return {
    provider: PROVIDERS[prefix] ?? prefix,
    model: id.slice(at + 1).replace(API_SEGMENT, ''),
  };
}

const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/** Per promptfoo type: the Assay fields, or a reason it cannot be mapped. */
const MAPPERS: Record<string, (a: PromptfooAssert) => Mapped> = {
  equals: (a) =>
    a.value !== null && typeof a.value === 'object'
      ? { type: 'equals-json', value: a.value }
      : { type: 'exact', ...(a.value === undefined ? {} : { value: stringValue(a.value) }) },
  contains: (a) => ({ type: 'contains', value: stringValue(a.value) }),
  icontains: (a) => ({ type: 'contains', value: stringValue(a.value), ignoreCase: true }),
  'starts-with': (a) => ({ type: 'starts-with', value: stringValue(a.value) }),
  regex: (a) => ({ type: 'regex', pattern: stringValue(a.value) }),
  'is-json': (a) => isJson(a, false),
  'contains-json': (a) => isJson(a, true),
  levenshtein: (a) => ({
    type: 'levenshtein',
    value: stringValue(a.value),
    maxDistance: num(a.threshold) ?? 5,
  }),
  similar: (a) => ({
    type: 'similarity',
    value: stringValue(a.value),
    threshold: num(a.threshold) ?? 0.75,
  }),
  'llm-rubric': (a) => {
    const judge = judgeOf(a.provider);
    if (typeof judge === 'string') return judge;
    const threshold = num(a.threshold);
    return {
      type: 'llm-judge',
      rubric: stringValue(a.value),
      ...judge,
      ...(threshold === undefined ? {} : { threshold }),
    };
  },
  javascript: (a) => {
    const threshold = num(a.threshold);
    return {
      type: 'javascript',
      code: stringValue(a.value),
      ...(threshold === undefined ? {} : { threshold }),
    };
  },
  cost: (a) =>
    num(a.threshold) === undefined
      ? 'cost needs threshold (the maximum in USD)'
      : { type: 'cost', maxUsd: num(a.threshold) },
  latency: (a) =>
    num(a.threshold) === undefined
      ? 'latency needs threshold (the maximum in ms)'
      : { type: 'latency', maxMs: num(a.threshold) },
  classifier: (a) => ({ type: 'classification', value: stringValue(a.value) }),
};

for (const [suffix, mode] of [
  ['any', 'any'],
  ['all', 'all'],
] as const) {
  for (const prefix of ['contains', 'icontains'] as const) {
    MAPPERS[`${prefix}-${suffix}`] = (a) => {
      const values = valueList(a.value);
      return typeof values === 'string'
        ? values
        : {
            type: 'contains',
            values,
            mode,
            ...(prefix === 'icontains' ? { ignoreCase: true } : {}),
          };
    };
  }
}

function isJson(a: PromptfooAssert, extract: boolean): Mapped {
  const schema = jsonSchemaValue(a.value);
  if (typeof schema === 'string') return schema;
  return {
    type: 'is-json',
    ...(extract ? { extract } : {}),
    ...(schema === undefined ? {} : { schema }),
  };
}

const NOTES: Record<string, string> = {
  classifier:
    "promptfoo's classifier runs a HuggingFace model; imported as a comparison of the output with the label",
};

/** Maps one promptfoo assertion; unmappable ones come back with a reason that names the type. */
export function fromPromptfooAssert(assert: PromptfooAssert): PromptfooMapping {
  const negated = assert.type.startsWith('not-');
  const base = negated ? assert.type.slice(4) : assert.type;
  const mapper = Object.hasOwn(MAPPERS, base) ? MAPPERS[base] : undefined;
  if (mapper === undefined)
    return {
      ok: false,
      reason: `promptfoo assertion type "${assert.type}" has no Assay equivalent`,
    };
  if (typeof assert.value === 'string' && assert.value.startsWith('file://')) {
    return {
      ok: false,
      reason: `${assert.value} is not loaded (no file access); paste its content instead`,
    };
  }
  if (assert.transform !== undefined)
    return {
      ok: false,
      reason: 'transform is not supported; the assertion would judge different text',
    };
  const mapped = mapper(assert);
  if (typeof mapped === 'string') return { ok: false, reason: `${assert.type}: ${mapped}` };
  const fields = Object.fromEntries(Object.entries(mapped).filter(([, v]) => v !== undefined));
  const weight = num(assert.weight);
  const matcher: MatcherSpec = {
    ...(fields as { type: string }),
    ...(weight === undefined ? {} : { weight }),
    ...(typeof assert.metric === 'string' && assert.metric !== '' ? { metric: assert.metric } : {}),
    ...(negated ? { not: true } : {}),
  };
  const note = NOTES[base];
  return note === undefined ? { ok: true, matcher } : { ok: true, matcher, note };
}

/** The promptfoo types fromPromptfooAssert maps (each also with a `not-` prefix). */
export const PROMPTFOO_TYPES: readonly string[] = Object.keys(MAPPERS);
