import type { ToolCall } from '../../llm/types';
import {
  first,
  parseMaybeJson,
  readCost,
  readCount,
  readNumber,
  readString,
  readStringList,
  type Attrs,
} from './attribute-readers';
import { contentText, message, type MappedCall, type NormMessage } from './normalized';
import type { OtlpEvent } from './otlp-types';
import { MAX_MESSAGE_INDEX } from './otlp-limits';
import { otlpError } from './otlp-error';

/**
 * OpenTelemetry GenAI semantic conventions: current names (`gen_ai.provider.name`,
 * `gen_ai.input.messages` as JSON parts), the 1.36-era ones (`gen_ai.system`, content in span
 * events `gen_ai.user.message`, `gen_ai.choice`, ...) and the older indexed attributes
 * (`gen_ai.prompt.0.content`, `gen_ai.completion.0.content`) that OpenLLMetry still writes.
 */

const OPERATION_KINDS: Record<string, string> = {
  chat: 'llm',
  text_completion: 'llm',
  generate_content: 'llm',
  completion: 'llm',
  embeddings: 'embedding',
  embedding: 'embedding',
  execute_tool: 'tool',
  invoke_agent: 'agent',
  create_agent: 'agent',
};

function toolCall(raw: unknown): ToolCall | null {
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  const fn = (o.function && typeof o.function === 'object' ? o.function : o) as Record<
    string,
    unknown
  >;
  const name = typeof fn.name === 'string' ? fn.name : '';
  const args = fn.arguments ?? o.arguments;
  return {
    id: typeof o.id === 'string' ? o.id : '',
    name,
    arguments: typeof args === 'string' ? args : JSON.stringify(args ?? {}),
  };
}

/** A current-convention message: `{ role, parts: [{ type, content | id, name, arguments }] }`. */
function partsMessage(raw: unknown): NormMessage | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  const role = typeof m.role === 'string' ? m.role : undefined;
  const parts = Array.isArray(m.parts) ? (m.parts as unknown[]) : [];
  const texts: string[] = [];
  const calls: ToolCall[] = [];
  let toolCallId: string | undefined;
  for (const part of parts) {
    if (!part || typeof part !== 'object') continue;
    const p = part as Record<string, unknown>;
    if (p.type === 'tool_call') {
      const call = toolCall(p);
      if (call) calls.push(call);
    } else if (p.type === 'tool_call_response') {
      toolCallId = typeof p.id === 'string' ? p.id : undefined;
      texts.push(contentText(p.response ?? p.result));
    } else if (p.content !== undefined) texts.push(contentText(p.content));
  }
  if (parts.length === 0 && m.content !== undefined) texts.push(contentText(m.content));
  return message(toolCallId ? 'tool' : role, texts.join('\n'), { toolCalls: calls, toolCallId });
}

/** Messages of parsed `gen_ai.input.messages` / `gen_ai.output.messages` (an array). */
function messagesOf(parsed: unknown): NormMessage[] | undefined {
  if (!Array.isArray(parsed)) return undefined;
  return parsed.map(partsMessage).filter((m): m is NormMessage => m !== null);
}

const INDEXED_KEYS = {
  'gen_ai.prompt.': /^gen_ai\.prompt\.(\d+)\.(.+)$/,
  'gen_ai.completion.': /^gen_ai\.completion\.(\d+)\.(.+)$/,
} as const;

/** `gen_ai.prompt.N.*` / `gen_ai.completion.N.*`, gathered by index (sparse indexes are fine). */
function indexed(
  attrs: Attrs,
  prefix: keyof typeof INDEXED_KEYS,
  where: string,
): Map<number, Map<string, unknown>> {
  const out = new Map<number, Map<string, unknown>>();
  const re = INDEXED_KEYS[prefix];
  for (const key of Object.keys(attrs)) {
    if (!key.startsWith(prefix)) continue;
    const m = re.exec(key);
    if (!m) continue;
    const index = Number(m[1]);
    if (index > MAX_MESSAGE_INDEX)
      throw otlpError(
        `${where}: attribute "${key.slice(0, 128)}" has an index above ${MAX_MESSAGE_INDEX}`,
        {
          field: `attributes.${key.slice(0, 128)}`,
        },
      );
    let entry = out.get(index);
    if (!entry) out.set(index, (entry = new Map()));
    entry.set(m[2]!, attrs[key]);
  }
  return out.size < 2 ? out : new Map([...out.entries()].sort((a, b) => a[0] - b[0]));
}

function indexedToolCalls(fields: Map<string, unknown>): ToolCall[] {
  const calls = new Map<string, Record<string, unknown>>();
  for (const [key, value] of fields) {
    const m = /^tool_calls\.(\d+)\.(.+)$/.exec(key);
    if (!m) continue;
    const call = calls.get(m[1]!) ?? {};
    call[m[2]!] = value;
    calls.set(m[1]!, call);
  }
  return [...calls.values()].map((c) => toolCall(c)!).filter(Boolean);
}

/** The body of a 1.36-era content event: in `gen_ai.event.content` (JSON) or the attributes. */
function eventBody(event: OtlpEvent): Record<string, unknown> {
  const parsed = parseMaybeJson(event.attributes['gen_ai.event.content']);
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
    return parsed as Record<string, unknown>;
  return event.attributes;
}

function eventToolCalls(raw: unknown): ToolCall[] {
  const parsed = parseMaybeJson(raw);
  return Array.isArray(parsed) ? parsed.map(toolCall).filter((c): c is ToolCall => !!c) : [];
}

const EVENT_ROLES: Record<string, string> = {
  'gen_ai.system.message': 'system',
  'gen_ai.user.message': 'user',
  'gen_ai.assistant.message': 'assistant',
  'gen_ai.tool.message': 'tool',
};

export function mapGenAi(
  attrs: Attrs,
  events: readonly OtlpEvent[],
  where: string,
  call: MappedCall,
): void {
  const operation = readString(attrs, 'gen_ai.operation.name', where);
  if (operation) call.kind = OPERATION_KINDS[operation];
  call.provider = first(
    readString(attrs, 'gen_ai.provider.name', where),
    readString(attrs, 'gen_ai.system', where),
  );
  call.model = first(
    readString(attrs, 'gen_ai.response.model', where),
    readString(attrs, 'gen_ai.request.model', where),
  );
  call.usage = {
    input: first(
      readCount(attrs, 'gen_ai.usage.input_tokens', where),
      readCount(attrs, 'gen_ai.usage.prompt_tokens', where),
    ),
    output: first(
      readCount(attrs, 'gen_ai.usage.output_tokens', where),
      readCount(attrs, 'gen_ai.usage.completion_tokens', where),
    ),
    cacheRead: first(
      readCount(attrs, 'gen_ai.usage.cache_read.input_tokens', where),
      readCount(attrs, 'gen_ai.usage.cache_read_input_tokens', where),
    ),
    cacheWrite: first(
      readCount(attrs, 'gen_ai.usage.cache_creation.input_tokens', where),
      readCount(attrs, 'gen_ai.usage.cache_creation_input_tokens', where),
    ),
    reasoning: first(
      readCount(attrs, 'gen_ai.usage.reasoning.output_tokens', where),
      readCount(attrs, 'gen_ai.usage.reasoning_tokens', where),
    ),
  };
  call.params = {
    temperature: readNumber(attrs, 'gen_ai.request.temperature', where),
    maxTokens: readCount(attrs, 'gen_ai.request.max_tokens', where),
    topP: readNumber(attrs, 'gen_ai.request.top_p', where),
  };
  call.costUsd = readCost(attrs, 'gen_ai.usage.cost', where);
  const finish = readStringList(attrs, 'gen_ai.response.finish_reasons', where)?.[0];

  // Current convention: JSON messages in attributes (or in the inference details event).
  const details = events.find((e) => e.name === 'gen_ai.client.inference.operation.details');
  const source = (key: string): unknown => attrs[key] ?? details?.attributes[key];
  const system = parseMaybeJson(source('gen_ai.system_instructions'));
  const input = messagesOf(parseMaybeJson(source('gen_ai.input.messages')));
  // Parsed once: the messages and the raw last one's finish_reason are both read from it.
  const rawOutput = parseMaybeJson(source('gen_ai.output.messages'));
  const output = messagesOf(rawOutput);
  if (input) {
    if (Array.isArray(system) && system.length > 0)
      call.messages.push(message('system', contentText(system)));
    call.messages.push(...input);
  }
  if (output && output.length > 0) {
    const raw = rawOutput as Record<string, unknown>[];
    const last = output[output.length - 1]!;
    call.output = {
      text: output.map((m) => m.content).join('\n'),
      toolCalls: last.role === 'assistant' ? (last.toolCalls ?? []) : [],
      finishReason:
        typeof raw[raw.length - 1]?.finish_reason === 'string'
          ? (raw[raw.length - 1]!.finish_reason as string)
          : finish,
    };
  }

  // 1.36-era: content as span events.
  if (call.messages.length === 0 && !call.output) {
    const choices: string[] = [];
    let choiceCalls: ToolCall[] = [];
    let choiceFinish: string | undefined;
    for (const event of events) {
      const role = EVENT_ROLES[event.name];
      if (role) {
        const body = eventBody(event);
        call.messages.push(
          message(role, contentText(body.content), {
            toolCalls: eventToolCalls(body.tool_calls),
            toolCallId: typeof body.id === 'string' ? body.id : undefined,
          }),
        );
      } else if (event.name === 'gen_ai.choice') {
        const body = eventBody(event);
        const msg = (parseMaybeJson(body.message) ?? {}) as Record<string, unknown>;
        // Several choices (n > 1) read as one text, one per line.
        choices.push(contentText(msg.content));
        choiceCalls = eventToolCalls(msg.tool_calls);
        choiceFinish = typeof body.finish_reason === 'string' ? body.finish_reason : finish;
      }
    }
    if (choices.length > 0)
      call.output = {
        text: choices.join('\n'),
        toolCalls: choiceCalls,
        finishReason: choiceFinish,
      };
  }

  // Older indexed attributes.
  if (call.messages.length === 0) {
    for (const fields of indexed(attrs, 'gen_ai.prompt.', where).values()) {
      call.messages.push(
        message(String(fields.get('role') ?? 'user'), contentText(fields.get('content')), {
          toolCalls: indexedToolCalls(fields),
          toolCallId:
            typeof fields.get('tool_call_id') === 'string'
              ? String(fields.get('tool_call_id'))
              : undefined,
        }),
      );
    }
  }
  if (!call.output) {
    const completions = [...indexed(attrs, 'gen_ai.completion.', where).values()];
    if (completions.length > 0) {
      const last = completions[completions.length - 1]!;
      call.output = {
        text: completions.map((f) => contentText(f.get('content'))).join('\n'),
        toolCalls: indexedToolCalls(last),
        finishReason:
          typeof last.get('finish_reason') === 'string'
            ? String(last.get('finish_reason'))
            : finish,
      };
    }
  }
  if (!call.output && finish) call.output = { text: '', toolCalls: [], finishReason: finish };

  // Tools: arguments in, result out.
  const args = attrs['gen_ai.tool.call.arguments'];
  if (args !== undefined) call.input = parseMaybeJson(args) ?? args;
  const result = attrs['gen_ai.tool.call.result'];
  if (result !== undefined) call.outputValue = parseMaybeJson(result) ?? result;
}
