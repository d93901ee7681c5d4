import { randomUUID } from 'node:crypto';
import { dropConnection, listenFake, sleep } from './fake-http';
import type { FakeContext, FakeReq, FakeRes, FakeRoute, FakeServer } from './fake-http';
import { chunkText } from './fake-reply';
import type { FakeChatRequest, FakeReply } from './fake-reply';

/**
 * A fake Anthropic Messages API speaking the real wire format (JSON, and SSE with `event:`
 * lines, which the SDK needs), so `@anthropic-ai/sdk` can be pointed at it. It also enforces the
 * API rules a wrong request mapping would break on: max_tokens required, no sampling parameters
 * under anthropic-version 2026-10-21, no thinking with a forced tool, a key header present.
 */

export interface AnthropicFakeOptions {
  /** Pause between stream events, so tests can see deltas arrive before the stream ends. */
  readonly streamGapMs?: number;
}

export const FAKE_ANTHROPIC_MODELS = [
  { id: 'claude-sonnet-4-5-20250929', name: 'Claude Sonnet 4.5', created: '2025-09-29T00:00:00Z' },
  { id: 'claude-3-5-haiku-20241022', name: 'Claude Haiku 3.5', created: '2024-10-22T00:00:00Z' },
  { id: 'claude-3-opus-20240229', name: 'Claude Opus 3', created: '2024-02-29T00:00:00Z' },
] as const;

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  529: 'overloaded_error',
};

/** Anthropic's error body: `{ type: 'error', error: { type, message } }`. */
export function anthropicErrorBody(status: number, message: string): unknown {
  const type = ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
  return { type: 'error', error: { type, message } };
}

type Block = { type?: string; text?: unknown; content?: unknown; input?: unknown };
interface WireBody {
  readonly model?: string;
  readonly max_tokens?: number;
  readonly system?: string | readonly Block[];
  readonly messages?: readonly { readonly role?: string; readonly content?: unknown }[];
  readonly tools?: readonly { readonly name?: string }[];
  readonly tool_choice?: { readonly type?: string; readonly name?: string };
  readonly thinking?: { readonly type?: string; readonly budget_tokens?: number };
  readonly stop_sequences?: readonly string[];
  readonly stream?: boolean;
}

/** The text a content value carries: a string, or text / tool_result / tool_use blocks. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const one = (b: Block) =>
    b.type === 'tool_use'
      ? JSON.stringify(b.input ?? {})
      : typeof b.text === 'string'
        ? b.text
        : textOf(b.content);
  return content.map(one).join('');
}

/** Maps the wire request to the provider-neutral view the reply script decides on. */
export function toFakeChatRequest(body: WireBody): FakeChatRequest {
  const messages = body.messages ?? [];
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  return {
    model: body.model ?? '',
    lastUserText: textOf(lastUser?.content),
    promptChars: messages.reduce(
      (n, m) => n + textOf(m.content).length,
      textOf(body.system).length,
    ),
    toolNames: (body.tools ?? []).map((t) => t.name ?? '').filter((n) => n !== ''),
    stream: body.stream === true,
  };
}

/** What the real API answers 400 or 401 to; null when the request is acceptable. */
function rejection(body: WireBody, req: FakeReq): { status: number; message: string } | null {
  const h = req.headers;
  if (!h['authorization'] && !h['x-api-key'])
    return { status: 401, message: 'x-api-key header is required' };
  if (typeof body.max_tokens !== 'number')
    return { status: 400, message: 'max_tokens: Field required' };
  const sampling = ['temperature', 'top_p', 'top_k'].find((k) => k in body);
  if (sampling && h['anthropic-version'] === '2026-10-21') {
    return { status: 400, message: `${sampling}: Extra inputs are not permitted` };
  }
  if (body.thinking?.type !== 'enabled') return null;
  if (body.tool_choice?.type === 'any' || body.tool_choice?.type === 'tool') {
    return {
      status: 400,
      message: 'Thinking may not be enabled when tool_choice forces tool use.',
    };
  }
  if ((body.thinking.budget_tokens ?? 0) >= body.max_tokens) {
    return { status: 400, message: '`max_tokens` must be greater than `thinking.budget_tokens`.' };
  }
  return null;
}

const shortId = () => randomUUID().replaceAll('-', '').slice(0, 24);

/** Applies what the API guarantees: a forced tool gets called; stop sequences and max_tokens cut. */
function shape(body: WireBody, reply: FakeReply) {
  const choice = body.tool_choice;
  const forced = choice?.type === 'any' ? body.tools?.[0]?.name : choice?.name;
  let calls = reply.toolCalls;
  if (forced && !calls.some((c) => c.name === forced)) {
    calls = [{ name: forced, arguments: calls[0]?.arguments ?? { text: reply.text } }];
  }
  let text = forced ? '' : reply.text;
  let stop = calls.length > 0 ? 'tool_use' : 'end_turn';
  const stopSequence =
    (body.stop_sequences ?? []).find((s) => s !== '' && text.includes(s)) ?? null;
  if (stopSequence !== null) {
    [text, stop, calls] = [text.slice(0, text.indexOf(stopSequence)), 'stop_sequence', []];
  }
  const limit = body.max_tokens ?? Infinity;
  const outputTokens = Math.min(reply.usage.outputTokens, limit);
  if (reply.usage.outputTokens > limit)
    [text, stop, calls] = [text.slice(0, limit * 4), 'max_tokens', []];
  const toolCalls = calls.map((c) => ({
    id: `toolu_${shortId()}`,
    name: c.name,
    input: c.arguments,
  }));
  return {
    text,
    toolCalls,
    stop,
    stopSequence: stop === 'stop_sequence' ? stopSequence : null,
    outputTokens,
  };
}

const wireUsage = (usage: FakeReply['usage'], outputTokens: number) => ({
  input_tokens: usage.inputTokens,
  cache_creation_input_tokens: usage.cacheWriteTokens,
  cache_read_input_tokens: usage.cacheReadTokens,
  output_tokens: outputTokens,
  output_tokens_details: { thinking_tokens: usage.reasoningTokens },
});

type SseEvent = readonly [name: string, data: object];
const ev = (type: string, fields: object = {}): SseEvent => [type, { type, ...fields }];

function writeEvent(res: FakeRes, [name, data]: SseEvent): Promise<void> {
  // The one write signature HTTP/1.1 and HTTP/2 responses share (calling the union is ambiguous).
  const sink: { write(chunk: string, callback: () => void): boolean } = res;
  // Resolve once the bytes are handed to the socket, so a drop after them cannot swallow them.
  return new Promise((resolve) =>
    sink.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`, () => resolve()),
  );
}

/** The SSE events of a streamed message, in the order the API sends them. */
function streamEvents(
  message: Record<string, unknown>,
  out: ReturnType<typeof shape>,
  usage: FakeReply['usage'],
) {
  const events: SseEvent[] = [];
  const start = {
    ...message,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: wireUsage(usage, 1),
  };
  events.push(ev('message_start', { message: start }), ev('ping'));
  const block = (index: number, contentBlock: object, deltas: readonly object[]) => {
    events.push(ev('content_block_start', { index, content_block: contentBlock }));
    for (const delta of deltas) events.push(ev('content_block_delta', { index, delta }));
    events.push(ev('content_block_stop', { index }));
  };
  const first = out.text !== '' ? 1 : 0;
  if (first)
    block(
      0,
      { type: 'text', text: '' },
      chunkText(out.text).map((text) => ({ type: 'text_delta', text })),
    );
  out.toolCalls.forEach((c, i) => {
    // The input arrives as partial JSON over three deltas, as the real API does for longer inputs.
    const json = JSON.stringify(c.input);
    const third = Math.max(1, Math.ceil(json.length / 3));
    const parts = [0, third, 2 * third].map((at) => ({
      type: 'input_json_delta',
      partial_json: json.slice(at, at + third),
    }));
    block(first + i, { type: 'tool_use', id: c.id, name: c.name, input: {} }, parts);
  });
  const delta = { stop_reason: out.stop, stop_sequence: out.stopSequence };
  events.push(
    ev('message_delta', { delta, usage: { output_tokens: out.outputTokens } }),
    ev('message_stop'),
  );
  return events;
}

/** POST /v1/messages: JSON or SSE, with mid-stream faults applied by event count. */
const messagesRoute: FakeRoute = async ({ req, res, body, streamFault, server }: FakeContext) => {
  const wire = (body ?? {}) as WireBody;
  const requestId = `req_${shortId()}`;
  const rejected = rejection(wire, req);
  if (rejected) {
    res.writeHead(rejected.status, { 'content-type': 'application/json', 'request-id': requestId });
    res.end(JSON.stringify(anthropicErrorBody(rejected.status, rejected.message)));
    return;
  }
  const reply = server.reply(toFakeChatRequest(wire));
  const out = shape(wire, reply);
  const message = {
    id: `msg_${shortId()}`,
    type: 'message',
    role: 'assistant',
    model: wire.model ?? 'unknown',
    content: [
      ...(out.text !== '' ? [{ type: 'text', text: out.text }] : []),
      ...out.toolCalls.map((c) => ({ type: 'tool_use', ...c })),
    ],
    stop_reason: out.stop,
    stop_sequence: out.stopSequence,
    usage: wireUsage(reply.usage, out.outputTokens),
  };
  if (wire.stream !== true) {
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': requestId });
    res.end(JSON.stringify(message));
    return;
  }
  const events = streamEvents(message, out, reply.usage);
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'request-id': requestId,
  });
  const gap = optionsOf.get(server)?.streamGapMs ?? 0;
  const cut = streamFault ? Math.min(streamFault.afterEvents, events.length) : -1;
  for (let i = 0; i < events.length; i++) {
    if (i === cut && streamFault?.kind === 'drop-mid-stream') {
      await sleep(10);
      return dropConnection(res);
    }
    if (i === cut && streamFault?.kind === 'error-mid-stream') {
      const error = {
        type: streamFault.errorType ?? 'overloaded_error',
        message: streamFault.message ?? 'Overloaded',
      };
      await writeEvent(res, ev('error', { error }));
      return void res.end();
    }
    await writeEvent(res, events[i]!);
    if (gap > 0) await sleep(gap);
  }
  res.end();
};

/** GET /v1/models: current ids, newest first, in one page. */
const modelsRoute: FakeRoute = ({ res }) => {
  const data = FAKE_ANTHROPIC_MODELS.map((m) => ({
    type: 'model',
    id: m.id,
    display_name: m.name,
    created_at: m.created,
  }));
  res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${shortId()}` });
  res.end(
    JSON.stringify({ data, has_more: false, first_id: data[0]!.id, last_id: data.at(-1)!.id }),
  );
};

const optionsOf = new WeakMap<FakeServer, AnthropicFakeOptions>();

/** Routes by path: /v1/messages and /v1/models. */
export function anthropicRoute(path: string): FakeRoute | null {
  return path === '/v1/messages' ? messagesRoute : path === '/v1/models' ? modelsRoute : null;
}

export async function startAnthropicFake(
  options: AnthropicFakeOptions = {},
  route: (path: string) => FakeRoute | null = anthropicRoute,
): Promise<FakeServer> {
  const server = await listenFake(route, { errorBody: anthropicErrorBody });
  optionsOf.set(server, options);
  return server;
}
