import { randomUUID } from 'node:crypto';
import { dropConnection, listenFake, sleep } from './fake-http';
import type { FakeContext, FakeRes, FakeRoute, FakeServer } from './fake-http';
import { openAiEmbeddingsRoute } from './fake-embeddings';
import { chunkText } from './fake-reply';
import type { FakeChatRequest, FakeReply } from './fake-reply';

/**
 * A fake OpenAI Chat Completions server speaking the real wire format (JSON and SSE), so the
 * official `openai` SDK can be pointed at it. Reused by the Ollama fake for its /v1 routes.
 */

export interface OpenAiFakeOptions {
  /** Pause between stream events, so tests can see deltas arrive before the stream ends. */
  readonly streamGapMs?: number;
  /** Ids `GET /v1/models` lists; defaults to FAKE_OPENAI_MODELS. */
  readonly models?: readonly string[];
}

const optionsOf = new WeakMap<FakeServer, OpenAiFakeOptions>();

/** Registers per-server options for the shared route functions (used by startOllamaFake too). */
export function configureOpenAiFake(server: FakeServer, options: OpenAiFakeOptions): void {
  optionsOf.set(server, options);
}

const ERROR_TYPES: Readonly<Record<number, string>> = {
  401: 'invalid_api_key',
  429: 'rate_limit_exceeded',
};

/** OpenAI's error body shape: `{ error: { message, type, param, code } }`. */
export function openAiErrorBody(status: number, message: string): unknown {
  const type = ERROR_TYPES[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error');
  return { error: { message, type, param: null, code: status === 429 ? type : null } };
}

export const FAKE_OPENAI_MODELS = ['gpt-4o', 'gpt-4o-mini', 'o3-mini', 'gpt-5'] as const;

interface WireBody {
  readonly model?: string;
  readonly messages?: readonly { readonly role?: string; readonly content?: unknown }[];
  readonly tools?: readonly { readonly function?: { readonly name?: string } }[];
  readonly stream?: boolean;
  readonly stream_options?: { readonly include_usage?: boolean };
  readonly max_tokens?: number;
  readonly max_completion_tokens?: number;
}

/** Text of a message's content: a string, or an array of `{ type: 'text', text }` parts. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((p: { text?: unknown }) => (typeof p.text === 'string' ? p.text : ''))
    .join('');
}

/** Maps the wire request to the provider-neutral view the reply script decides on. */
export function toFakeChatRequest(body: WireBody): FakeChatRequest {
  const messages = body.messages ?? [];
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  return {
    model: body.model ?? '',
    lastUserText: textOf(lastUser?.content),
    promptChars: messages.reduce((n, m) => n + textOf(m.content).length, 0),
    toolNames: (body.tools ?? []).map((t) => t.function?.name ?? '').filter((n) => n !== ''),
    stream: body.stream === true,
  };
}

function wireUsage(usage: FakeReply['usage'], completionTokens: number) {
  const prompt = usage.inputTokens + usage.cacheReadTokens;
  return {
    prompt_tokens: prompt,
    completion_tokens: completionTokens,
    total_tokens: prompt + completionTokens,
    prompt_tokens_details: { cached_tokens: usage.cacheReadTokens, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens, audio_tokens: 0 },
  };
}

/** The reply after applying the request's token limit: truncated text and finish 'length'. */
function limitReply(body: WireBody, reply: FakeReply) {
  const limit = body.max_completion_tokens ?? body.max_tokens;
  const truncated = limit !== undefined && reply.usage.outputTokens > limit;
  return {
    text: truncated ? reply.text.slice(0, limit * 4) : reply.text,
    toolCalls: truncated
      ? []
      : reply.toolCalls.map((c) => ({ id: `call_${randomUUID().slice(0, 8)}`, ...c })),
    completionTokens: truncated ? limit : reply.usage.outputTokens,
    finishReason: truncated ? 'length' : reply.toolCalls.length > 0 ? 'tool_calls' : 'stop',
  };
}

function writeEvent(res: FakeRes, data: string): Promise<void> {
  // The one write signature HTTP/1.1 and HTTP/2 responses share.
  const sink: { write(chunk: string, callback: () => void): boolean } = res;
  // Resolve once the bytes are handed to the socket, so a drop after them cannot swallow them.
  return new Promise((resolve) => sink.write(`data: ${data}\n\n`, () => resolve()));
}

const SSE_HEADERS = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };

/** POST /v1/chat/completions: JSON or SSE, with mid-stream faults applied by event count. */
export const openAiChatRoute: FakeRoute = async (ctx: FakeContext) => {
  const { res, body, streamFault, server } = ctx;
  const wire = (body ?? {}) as WireBody;
  const reply = server.reply(toFakeChatRequest(wire));
  const out = limitReply(wire, reply);
  const id = `chatcmpl-${randomUUID().slice(0, 12)}`;
  const created = Math.floor(Date.now() / 1000);
  const head = { id, created, model: wire.model ?? 'unknown', system_fingerprint: 'fp_fake' };
  const requestId = `req_${randomUUID().replaceAll('-', '')}`;
  const usage = wireUsage(reply.usage, out.completionTokens);
  if (wire.stream !== true) {
    const toolCalls = out.toolCalls.map((c) => ({
      id: c.id,
      type: 'function',
      function: { name: c.name, arguments: JSON.stringify(c.arguments) },
    }));
    const message = {
      role: 'assistant',
      content: out.text === '' && toolCalls.length > 0 ? null : out.text,
      refusal: null,
      ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
    };
    const choice = { index: 0, message, logprobs: null, finish_reason: out.finishReason };
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': requestId });
    res.end(JSON.stringify({ ...head, object: 'chat.completion', choices: [choice], usage }));
    return;
  }
  const chunk = (delta: object, finish: string | null = null) => ({
    ...head,
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  const events: object[] = [chunk({ role: 'assistant', content: '' })];
  const pieces = out.text === '' ? [] : chunkText(out.text);
  for (const piece of pieces) events.push(chunk({ content: piece }));
  out.toolCalls.forEach((c, index) => {
    const fn = { name: c.name, arguments: '' };
    events.push(chunk({ tool_calls: [{ index, id: c.id, type: 'function', function: fn }] }));
    // Split the arguments over three deltas, as the real API does for longer arguments.
    const args = JSON.stringify(c.arguments);
    const third = Math.ceil(args.length / 3);
    for (let i = 0; i < args.length; i += third) {
      events.push(
        chunk({ tool_calls: [{ index, function: { arguments: args.slice(i, i + third) } }] }),
      );
    }
  });
  events.push(chunk({}, out.finishReason));
  if (wire.stream_options?.include_usage === true) {
    events.push({ ...head, object: 'chat.completion.chunk', choices: [], usage });
  }
  res.writeHead(200, { ...SSE_HEADERS, 'x-request-id': requestId });
  const gap = optionsOf.get(server)?.streamGapMs ?? 0;
  const cut = streamFault ? Math.min(streamFault.afterEvents, events.length) : -1;
  for (const [i, event] of [...events, null].entries()) {
    if (i === cut && streamFault) return endWithFault(res, streamFault);
    await writeEvent(res, event === null ? '[DONE]' : JSON.stringify(event));
    if (gap > 0) await sleep(gap);
  }
  res.end();
};

async function endWithFault(res: FakeRes, fault: NonNullable<FakeContext['streamFault']>) {
  if (fault.kind === 'drop-mid-stream') {
    await sleep(10); // Let the client read what was sent before the socket goes.
    return dropConnection(res);
  }
  const message = fault.message ?? 'The server had an error processing your request.';
  const type = fault.errorType ?? 'server_error';
  await writeEvent(res, JSON.stringify({ error: { message, type, param: null, code: null } }));
  res.end();
}

/** GET /v1/models: the configured ids. */
export const openAiModelsRoute: FakeRoute = ({ res, server }) => {
  const ids = optionsOf.get(server)?.models ?? FAKE_OPENAI_MODELS;
  const data = ids.map((id) => ({ id, object: 'model', created: 1.7e9, owned_by: 'system' }));
  res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': `req_${randomUUID()}` });
  res.end(JSON.stringify({ object: 'list', data }));
};

/** Routes by path; base URLs with or without `/v1` both work. */
export function openAiRoute(path: string): FakeRoute | null {
  const bare = path.replace(/^\/v1(?=\/)/, '');
  if (bare === '/chat/completions') return openAiChatRoute;
  if (bare === '/models') return openAiModelsRoute;
  if (bare === '/embeddings') return openAiEmbeddingsRoute;
  return null;
}

export async function startOpenAiFake(
  options: OpenAiFakeOptions = {},
  route: (path: string) => FakeRoute | null = openAiRoute,
): Promise<FakeServer> {
  const server = await listenFake(route, { errorBody: openAiErrorBody });
  configureOpenAiFake(server, options);
  return server;
}
