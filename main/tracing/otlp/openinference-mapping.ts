import type { ToolCall } from '../../llm/types';
import {
  first,
  parseMaybeJson,
  readCost,
  readCount,
  readString,
  type Attrs,
} from './attribute-readers';
import { message, type MappedCall, type NormMessage } from './normalized';
import { MAX_MESSAGE_INDEX } from './otlp-limits';
import { otlpError } from './otlp-error';

/**
 * OpenInference (Arize Phoenix's conventions): `openinference.span.kind`, `llm.*` (model,
 * provider, token counts, flattened `llm.input_messages.N.message.*`), `input.value` and
 * `output.value`. Fills only what the GenAI mapping left empty.
 */

const SPAN_KINDS: Record<string, string> = {
  LLM: 'llm',
  EMBEDDING: 'embedding',
  TOOL: 'tool',
  RETRIEVER: 'retrieval',
  CHAIN: 'chain',
  AGENT: 'agent',
  RERANKER: 'rerank',
  GUARDRAIL: 'guardrail',
  EVALUATOR: 'judge',
};

const MESSAGE_KEY = /^llm\.(input|output)_messages\.(\d+)\.message\.(.+)$/;

type Fields = Map<string, unknown>;

/** `llm.input_messages.N.message.*` gathered per message, in index order. */
function flattenedMessages(attrs: Attrs, where: string): { input: Fields[]; output: Fields[] } {
  const input = new Map<number, Fields>();
  const output = new Map<number, Fields>();
  for (const key of Object.keys(attrs)) {
    if (!key.startsWith('llm.input_messages.') && !key.startsWith('llm.output_messages.')) continue;
    const m = MESSAGE_KEY.exec(key);
    if (!m) continue;
    const index = Number(m[2]);
    if (index > MAX_MESSAGE_INDEX)
      throw otlpError(
        `${where}: attribute "${key.slice(0, 128)}" has an index above ${MAX_MESSAGE_INDEX}`,
        {
          field: `attributes.${key.slice(0, 128)}`,
        },
      );
    const side = m[1] === 'input' ? input : output;
    let fields = side.get(index);
    if (!fields) side.set(index, (fields = new Map()));
    fields.set(m[3]!, attrs[key]);
  }
  // Most spans have none: no arrays and sort for them.
  const ordered = (side: Map<number, Fields>) =>
    side.size === 0 ? [] : [...side.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
  return { input: ordered(input), output: ordered(output) };
}

function text(fields: Fields): string {
  const content = fields.get('content');
  if (typeof content === 'string') return content;
  // Multimodal: `contents.K.message_content.text`.
  const parts: [number, string][] = [];
  for (const [key, value] of fields) {
    const m = /^contents\.(\d+)\.message_content\.text$/.exec(key);
    if (m && typeof value === 'string') parts.push([Number(m[1]), value]);
  }
  return parts
    .sort((a, b) => a[0] - b[0])
    .map(([, t]) => t)
    .join('\n');
}

function toolCalls(fields: Fields): ToolCall[] {
  const calls = new Map<number, { id: string; name: string; arguments: string }>();
  for (const [key, value] of fields) {
    const m = /^tool_calls\.(\d+)\.tool_call\.(id|function\.name|function\.arguments)$/.exec(key);
    if (!m) continue;
    const n = Number(m[1]);
    const call = calls.get(n) ?? { id: '', name: '', arguments: '{}' };
    const v = typeof value === 'string' ? value : JSON.stringify(value);
    if (m[2] === 'id') call.id = v;
    else if (m[2] === 'function.name') call.name = v;
    else call.arguments = v;
    calls.set(n, call);
  }
  return [...calls.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
}

function toMessage(fields: Fields): NormMessage {
  const role = fields.get('role');
  const id = fields.get('tool_call_id');
  const name = fields.get('name');
  return message(typeof role === 'string' ? role : undefined, text(fields), {
    toolCalls: toolCalls(fields),
    toolCallId: typeof id === 'string' ? id : undefined,
    name: typeof name === 'string' ? name : undefined,
  });
}

/** `input.value`: JSON when its mime type says so, else the text itself. */
function value(attrs: Attrs, key: 'input' | 'output', where: string): unknown {
  const raw = attrs[`${key}.value`];
  if (raw === undefined || raw === null) return undefined;
  const mime = readString(attrs, `${key}.mime_type`, where);
  if (typeof raw === 'string' && mime === 'application/json') return parseMaybeJson(raw) ?? raw;
  return raw;
}

function numberParam(params: Record<string, unknown>, key: string): number | undefined {
  const v = params[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function mapOpenInference(attrs: Attrs, where: string, call: MappedCall): void {
  const kind = readString(attrs, 'openinference.span.kind', where);
  if (kind && !call.kind) call.kind = SPAN_KINDS[kind.toUpperCase()];
  call.provider ??= first(
    readString(attrs, 'llm.provider', where),
    readString(attrs, 'llm.system', where),
  );
  call.model ??= readString(attrs, 'llm.model_name', where);
  const u = call.usage;
  u.input ??= readCount(attrs, 'llm.token_count.prompt', where);
  u.output ??= readCount(attrs, 'llm.token_count.completion', where);
  u.cacheRead ??= readCount(attrs, 'llm.token_count.prompt_details.cache_read', where);
  u.cacheWrite ??= readCount(attrs, 'llm.token_count.prompt_details.cache_write', where);
  u.reasoning ??= readCount(attrs, 'llm.token_count.completion_details.reasoning', where);
  call.costUsd ??= readCost(attrs, 'llm.cost.total', where);

  const params = parseMaybeJson(attrs['llm.invocation_parameters']);
  if (params && typeof params === 'object' && !Array.isArray(params)) {
    const p = params as Record<string, unknown>;
    call.params.temperature ??= numberParam(p, 'temperature');
    call.params.maxTokens ??=
      numberParam(p, 'max_tokens') ?? numberParam(p, 'max_completion_tokens');
    call.params.topP ??= numberParam(p, 'top_p');
  }

  const { input, output } = flattenedMessages(attrs, where);
  if (call.messages.length === 0) call.messages.push(...input.map(toMessage));
  if (!call.output && output.length > 0) {
    const messages = output.map(toMessage);
    const last = messages[messages.length - 1]!;
    call.output = {
      text: messages.map((m) => m.content).join('\n'),
      toolCalls: last.role === 'assistant' ? (last.toolCalls ?? []) : [],
    };
  }
  call.input ??= value(attrs, 'input', where);
  call.outputValue ??= value(attrs, 'output', where);
}
