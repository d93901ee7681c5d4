import { PROVIDER_IDS, type ProviderId } from '../../../shared/contract/settings';
import { SPAN_KINDS } from '../../../shared/contract/traces';
import { usdToPico, type PicoUsd } from '../../../shared/money';
import type { Usage } from '../../llm/types';
import { redactText } from '../redact';
import { redactAttributes, redactedJson } from './fast-redact';
import type { SpanKind, SpanRecord } from '../span-record';
import { readString, readStringList, readText, type Attrs } from './attribute-readers';
import { mapGenAi } from './genai-mapping';
import { isoTime } from './iso-time';
import { emptyCall, finishReason, type MappedCall } from './normalized';
import { mapOpenInference } from './openinference-mapping';
import { MAX_KEPT_ATTRIBUTES_CHARS } from './otlp-limits';
import { spanLabel } from './otlp-error';
import type { OtlpSpan } from './otlp-types';

export interface MappingContext {
  /** Known secret values, cut out of everything stored. */
  readonly secrets: readonly string[];
  /** The catalog's price for a call; null when the model has none. */
  readonly cost: (provider: ProviderId, model: string, usage: Usage) => PicoUsd | null;
  /** `assay.prompt` refs already resolved for this batch (null: no such prompt version). */
  readonly prompts: ReadonlyMap<string, string | null>;
}

const ASSAY_PROVIDERS = new Set<string>(PROVIDER_IDS);
const KINDS = new Set<string>(SPAN_KINDS);
/** Provider names of the conventions that are an Assay provider under another name. */
const PROVIDER_ALIASES: Record<string, string> = {
  'aws.bedrock': 'bedrock',
  aws_bedrock: 'bedrock',
  aws: 'bedrock',
  amazon_bedrock: 'bedrock',
};

export function normalizeProvider(name: string | undefined): string | null {
  if (!name) return null;
  const lower = name.toLowerCase();
  return PROVIDER_ALIASES[lower] ?? lower;
}

/** Content attributes become the request and response; they are not kept twice. */
const CONTENT_KEY =
  /^(gen_ai\.(input\.messages|output\.messages|system_instructions|prompt\.|completion\.|tool\.call\.(arguments|result))|llm\.(input_messages|output_messages)\.|input\.value$|output\.value$)/;

/** The unmapped attributes, bounded: past the cap the largest are left out (and counted). */
function keptAttributes(span: OtlpSpan): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  let size = 2;
  let dropped = 0;
  let kept = 0;
  const service = span.resource['service.name'];
  const add = (key: string, value: unknown) => {
    // An estimate is enough for a cap: strings and scalars without a stringify each.
    const entry =
      key.length +
      6 +
      (typeof value === 'string'
        ? value.length
        : typeof value === 'object' && value !== null
          ? (JSON.stringify(value)?.length ?? 4)
          : 24);
    if (size + entry > MAX_KEPT_ATTRIBUTES_CHARS) {
      dropped++;
      return;
    }
    size += entry;
    kept++;
    if (key === '__proto__')
      Object.defineProperty(out, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[key] = value;
  };
  if (service !== undefined) add('service.name', service);
  const attrs = span.attributes;
  for (const key of Object.keys(attrs)) if (!CONTENT_KEY.test(key)) add(key, attrs[key]);
  if (dropped > 0) add('assay.dropped_attributes', dropped);
  return kept > 0 ? out : null;
}

function usageOf(call: MappedCall): Usage {
  const u = call.usage;
  const cacheRead = u.cacheRead ?? 0;
  const cacheWrite = u.cacheWrite ?? 0;
  // Both conventions count cached tokens inside the input total; Assay bills them apart.
  return {
    inputTokens: Math.max(0, (u.input ?? 0) - cacheRead - cacheWrite),
    outputTokens: u.output ?? 0,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    reasoningTokens: u.reasoning ?? 0,
  };
}

function costOf(
  call: MappedCall,
  provider: string | null,
  model: string | null,
  usage: Usage,
  ctx: MappingContext,
): PicoUsd | null {
  if (call.costUsd !== undefined) return usdToPico(call.costUsd);
  if (!provider || !model || !ASSAY_PROVIDERS.has(provider)) return null;
  return ctx.cost(provider as ProviderId, model, usage);
}

function firstOf(attrs: Attrs, resource: Attrs, keys: readonly string[], where: string) {
  for (const key of keys) {
    const v = readText(attrs, key, where) ?? readText(resource, key, where);
    if (v !== undefined) return v.slice(0, 256);
  }
  return null;
}

function tagsOf(attrs: Attrs, where: string): string[] {
  const raw =
    readStringList(attrs, 'tag.tags', where) ??
    readStringList(attrs, 'langfuse.trace.tags', where) ??
    [];
  const tags = raw
    .map((t) => t.trim())
    .filter((t) => t.length > 0 && t.length <= 64 && !t.includes(','));
  return [...new Set(tags)].slice(0, 32);
}

/** One decoded OTLP span as Assay's SpanRecord: conventions mapped, cost priced, secrets cut. */
export function mapSpan(span: OtlpSpan, index: number, ctx: MappingContext): SpanRecord {
  const where = spanLabel(index, span.spanId);
  const attrs = span.attributes;
  const call = emptyCall();
  mapGenAi(attrs, span.events, where, call);
  mapOpenInference(attrs, where, call);
  const kind: SpanKind = call.kind && KINDS.has(call.kind) ? (call.kind as SpanKind) : 'other';
  const provider = normalizeProvider(call.provider);
  const model = call.model ?? null;
  const usage = usageOf(call);
  const isLlm = kind === 'llm';
  const request = isLlm
    ? {
        provider: provider ?? 'unknown',
        model: model ?? 'unknown',
        messages:
          call.messages.length > 0 || call.input === undefined
            ? call.messages
            : [
                {
                  role: 'user',
                  content: typeof call.input === 'string' ? call.input : JSON.stringify(call.input),
                },
              ],
        ...(call.params.temperature !== undefined ? { temperature: call.params.temperature } : {}),
        ...(call.params.maxTokens !== undefined ? { maxTokens: call.params.maxTokens } : {}),
        ...(call.params.topP !== undefined ? { topP: call.params.topP } : {}),
      }
    : { input: call.input ?? (call.messages.length > 0 ? call.messages : null) };
  const outputText =
    call.output?.text ??
    (typeof call.outputValue === 'string'
      ? call.outputValue
      : call.outputValue !== undefined
        ? JSON.stringify(call.outputValue)
        : '');
  const response = isLlm
    ? {
        text: outputText,
        toolCalls: call.output?.toolCalls ?? [],
        finishReason: finishReason(call.output?.finishReason),
        usage,
        model: model ?? 'unknown',
      }
    : call.outputValue !== undefined || call.output
      ? { output: call.outputValue ?? call.output?.text ?? null }
      : null;

  const promptRef = readString(attrs, 'assay.prompt', where);
  const promptVersionId = promptRef ? (ctx.prompts.get(promptRef) ?? null) : null;
  const kept = keptAttributes(span);
  const attributes =
    promptRef && promptVersionId === null
      ? { ...kept, 'assay.prompt_unresolved': promptRef }
      : kept;
  const isError = span.statusCode === 2;
  const errorType = readText(attrs, 'error.type', where) ?? null;
  const exception = span.events.find((e) => e.name === 'exception')?.attributes;
  const secrets = ctx.secrets;
  return {
    id: span.spanId,
    traceId: span.traceId,
    parentId: span.parentSpanId,
    kind,
    name: span.name.slice(0, 1024),
    source: 'otlp',
    provider,
    model,
    status: isError ? 'error' : 'ok',
    errorClass: isError
      ? (errorType ??
        (typeof exception?.['exception.type'] === 'string' ? exception['exception.type'] : null))
      : null,
    errorMessage: isError
      ? redactText(
          span.statusMessage ||
            (typeof exception?.['exception.message'] === 'string'
              ? exception['exception.message']
              : null) ||
            errorType ||
            'error',
          secrets,
        ).slice(0, 4096)
      : null,
    requestJson: redactedJson(request, secrets),
    responseJson: response === null ? null : redactedJson(response, secrets),
    usage,
    costPicoUsd: costOf(call, provider, model, usage, ctx),
    latencyMs: Math.round((span.endMs - span.startMs) * 1000) / 1000,
    ttftMs: null,
    attempts: 1,
    cacheHit: false,
    providerRequestId: readText(attrs, 'gen_ai.response.id', where) ?? null,
    attributes: attributes ? redactAttributes(attributes, secrets) : null,
    sessionId: firstOf(
      attrs,
      span.resource,
      ['session.id', 'gen_ai.conversation.id', 'langfuse.session.id'],
      where,
    ),
    userId: firstOf(attrs, span.resource, ['user.id', 'langfuse.user.id', 'enduser.id'], where),
    tags: tagsOf(attrs, where),
    promptVersionId,
    rerunOf: null,
    startedAt: isoTime(span.startMs),
    endedAt: isoTime(span.endMs),
  };
}
