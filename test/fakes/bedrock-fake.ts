import { randomUUID } from 'node:crypto';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import {
  dropConnection,
  listenFake,
  sleep,
  type FakeContext,
  type FakeRes,
  type FakeRoute,
  type FakeServer,
} from './fake-http';
import { chunkText, type FakeChatRequest, type FakeReply } from './fake-reply';

/** A Bedrock fake: runtime (Converse, ConverseStream) and control plane (model listing). */
export interface BedrockFake extends FakeServer {
  /** Decoded model ids of every Converse/ConverseStream call, in order. */
  readonly modelIds: string[];
  /** The same calls' paths as sent, before decoding (`/model/us.anthropic…v1%3A0/converse`). */
  readonly rawPaths: string[];
  /** The control plane over HTTP/1.1, which is what the SDK's control-plane client speaks. */
  readonly controlUrl: string;
  /** The server behind `controlUrl` (its own requests and faults); `this` when h2c is off. */
  readonly control: FakeServer;
  /** When set, both listing routes fail with this error (e.g. 403 AccessDeniedException). */
  listingFault: { readonly status: number; readonly message?: string } | null;
  /** Page size of ListInferenceProfiles, small by default so clients must follow nextToken. */
  profilePageSize: number;
  /** Forces the stopReason (e.g. `guardrail_intervened`); null derives it from the reply. */
  stopReason: string | null;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'ValidationException',
  403: 'AccessDeniedException',
  404: 'ResourceNotFoundException',
  408: 'ModelTimeoutException',
  424: 'ModelErrorException',
  429: 'ThrottlingException',
  500: 'InternalServerException',
  503: 'ServiceUnavailableException',
};
const errorType = (status: number): string => ERROR_TYPES[status] ?? 'InternalServerException';
// Bedrock's header carries a namespace after the colon; the SDK strips it, so the fake sends it.
const errorHeaders = (status: number): Record<string, string> => ({
  'x-amzn-errortype': `${errorType(status)}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
  'x-amzn-requestid': randomUUID(),
});

// Foundation ids (`anthropic.claude-…-v1:0`), cross-region profiles (`us.…`) and Bedrock ARNs.
const MODEL_ID =
  /^([a-z0-9-]+\.)?[a-z0-9-]+\.[\w.:-]+$|^arn:aws(-[a-z-]+)?:bedrock:[a-z0-9-]*:\d{0,12}:[a-z-]+\/[\w.:/-]+$/;

type Block = { text?: string; toolUse?: { input?: unknown }; toolResult?: { content?: unknown[] } };
interface ConverseBody {
  messages?: { role?: string; content?: Block[] }[];
  system?: { text?: string }[];
  toolConfig?: {
    tools?: { toolSpec?: { name?: string } }[];
    toolChoice?: { tool?: { name?: string } };
  };
  inferenceConfig?: { maxTokens?: number; stopSequences?: string[] };
}

function fakeRequest(model: string, body: ConverseBody, stream: boolean): FakeChatRequest {
  const messages = body.messages ?? [];
  const chars = (b: Block): number =>
    (b.text ?? '').length + JSON.stringify(b.toolUse ?? b.toolResult ?? '').length - 2;
  const promptChars =
    (body.system ?? []).reduce((n, s) => n + (s.text ?? '').length, 0) +
    messages.reduce((n, m) => n + (m.content ?? []).reduce((k, b) => k + chars(b), 0), 0);
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const lastUserText = (lastUser?.content ?? []).map((b) => b.text ?? '').join('');
  const toolNames = (body.toolConfig?.tools ?? []).map((t) => t.toolSpec?.name ?? '');
  return { model, lastUserText, promptChars, toolNames, stream };
}

interface Outcome {
  readonly text: string;
  readonly tools: { readonly id: string; readonly name: string; readonly input: unknown }[];
  readonly stopReason: string;
  readonly usage: Record<string, number>;
}

/** Applies Bedrock's semantics to the scripted reply: forced tool, stop sequences, maxTokens. */
function outcome(fake: BedrockFake, body: ConverseBody, reply: FakeReply): Outcome {
  const forced = body.toolConfig?.toolChoice?.tool?.name;
  let calls = reply.toolCalls.map((c) => ({ name: c.name, input: c.arguments as unknown }));
  let text = reply.text;
  if (forced && !calls.some((c) => c.name === forced)) {
    let input: unknown = { text };
    try {
      input = JSON.parse(text);
    } catch {
      // Not JSON: the model "answers" the forced tool with its text wrapped.
    }
    calls = [{ name: forced, input }];
  }
  if (calls.length > 0) text = '';
  let { outputTokens } = reply.usage;
  let stopReason = calls.length > 0 ? 'tool_use' : 'end_turn';
  const hit = (body.inferenceConfig?.stopSequences ?? []).find((s) => text.includes(s));
  const max = body.inferenceConfig?.maxTokens;
  if (hit !== undefined) [text, stopReason] = [text.slice(0, text.indexOf(hit)), 'stop_sequence'];
  else if (max !== undefined && outputTokens > max) {
    [text, outputTokens, stopReason] = [text.slice(0, max * 4), max, 'max_tokens'];
  }
  const { inputTokens, cacheReadTokens, cacheWriteTokens } = reply.usage;
  const usage = {
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens + cacheReadTokens + cacheWriteTokens,
    cacheReadInputTokens: cacheReadTokens,
    cacheWriteInputTokens: cacheWriteTokens,
  };
  const tools = calls.map((c) => ({ id: `tooluse_${randomUUID().slice(0, 12)}`, ...c }));
  return { text, tools, stopReason: fake.stopReason ?? stopReason, usage };
}

function sendJson(
  res: FakeRes,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const requestId = { 'x-amzn-requestid': randomUUID() };
  res.writeHead(status, { 'content-type': 'application/json', ...requestId, ...headers });
  res.end(JSON.stringify(body));
}

function converse(fake: BedrockFake, model: string, ctx: FakeContext): void {
  const body = ctx.body as ConverseBody;
  const out = outcome(fake, body, fake.reply(fakeRequest(model, body, false)));
  const content = [
    ...(out.text ? [{ text: out.text }] : []),
    ...out.tools.map((t) => ({ toolUse: { toolUseId: t.id, name: t.name, input: t.input } })),
  ];
  sendJson(ctx.res, 200, {
    output: { message: { role: 'assistant', content } },
    stopReason: out.stopReason,
    usage: out.usage,
    metrics: { latencyMs: 42 },
  });
}

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const str = (value: string) => ({ type: 'string' as const, value });
// Real Bedrock pads every event with a `p` field (so sizes do not leak token lengths); the fake
// sends one too, so clients are shown to ignore it.
const frame = (type: string, payload: object): Uint8Array =>
  codec.encode({
    headers: {
      ':event-type': str(type),
      ':content-type': str('application/json'),
      ':message-type': str('event'),
    },
    body: fromUtf8(
      JSON.stringify({
        ...payload,
        p: 'abcdefghijklmnopqrstuvwxyz'.slice(0, 1 + (type.length % 20)),
      }),
    ),
  });
// The SDK names stream exceptions by their union member: `throttlingException`, not the class.
const exceptionFrame = (kind: string, message: string): Uint8Array =>
  codec.encode({
    headers: {
      ':exception-type': str(kind.charAt(0).toLowerCase() + kind.slice(1)),
      ':content-type': str('application/json'),
      ':message-type': str('exception'),
    },
    body: fromUtf8(JSON.stringify({ message })),
  });

function streamFrames(out: Outcome): Uint8Array[] {
  const frames = [frame('messageStart', { role: 'assistant' })];
  let index = 0;
  if (out.text) {
    for (const text of chunkText(out.text))
      frames.push(frame('contentBlockDelta', { contentBlockIndex: index, delta: { text } }));
    frames.push(frame('contentBlockStop', { contentBlockIndex: index++ }));
  }
  for (const t of out.tools) {
    frames.push(
      frame('contentBlockStart', {
        contentBlockIndex: index,
        start: { toolUse: { toolUseId: t.id, name: t.name } },
      }),
    );
    const json = JSON.stringify(t.input);
    const third = Math.ceil(json.length / 3);
    for (let i = 0; i < json.length; i += third) {
      frames.push(
        frame('contentBlockDelta', {
          contentBlockIndex: index,
          delta: { toolUse: { input: json.slice(i, i + third) } },
        }),
      );
    }
    frames.push(frame('contentBlockStop', { contentBlockIndex: index++ }));
  }
  frames.push(frame('messageStop', { stopReason: out.stopReason }));
  frames.push(frame('metadata', { usage: out.usage, metrics: { latencyMs: 42 } }));
  return frames;
}

// Waits for each write so a later drop cannot discard frames the test expects to arrive.
const write = (res: FakeRes, bytes: Uint8Array): Promise<void> =>
  new Promise((resolve) =>
    (res as { write: (b: Uint8Array, cb: () => void) => boolean }).write(bytes, () => resolve()),
  );

async function converseStream(fake: BedrockFake, model: string, ctx: FakeContext): Promise<void> {
  const body = ctx.body as ConverseBody;
  const frames = streamFrames(outcome(fake, body, fake.reply(fakeRequest(model, body, true))));
  ctx.res.writeHead(200, {
    'content-type': 'application/vnd.amazon.eventstream',
    'x-amzn-requestid': randomUUID(),
  });
  const fault = ctx.streamFault;
  for (const [i, bytes] of frames.entries()) {
    if (fault && i === fault.afterEvents) {
      if (fault.kind === 'drop-mid-stream') return sleep(10).then(() => dropConnection(ctx.res));
      await write(
        ctx.res,
        exceptionFrame(
          fault.errorType ?? 'throttlingException',
          fault.message ?? 'Too many tokens, please wait.',
        ),
      );
      ctx.res.end();
      return;
    }
    await write(ctx.res, bytes);
  }
  ctx.res.end();
}

function runtimeRoute(fake: BedrockFake, path: string): FakeRoute | null {
  const match = /^\/model\/(.+)\/(converse|converse-stream)$/.exec(path);
  if (!match) return null;
  // listenFake hands routes the decoded path: `%3A` and `%2F` in ARNs are back to `:` and `/`.
  const [, model = '', op] = match;
  return (ctx) => {
    if (!MODEL_ID.test(model)) {
      return sendJson(
        ctx.res,
        400,
        { message: 'The provided model identifier is invalid.' },
        errorHeaders(400),
      );
    }
    fake.modelIds.push(model);
    fake.rawPaths.push((ctx.req.url ?? '').split('?')[0] ?? '');
    return op === 'converse' ? converse(fake, model, ctx) : converseStream(fake, model, ctx);
  };
}

const ARN = 'arn:aws:bedrock:us-east-1';
const FOUNDATION_MODELS: readonly [string, string, string, string[], string[]][] = [
  [
    'anthropic.claude-sonnet-4-5-20250929-v1:0',
    'Claude Sonnet 4.5',
    'Anthropic',
    ['TEXT', 'IMAGE'],
    ['INFERENCE_PROFILE'],
  ],
  [
    'anthropic.claude-3-5-haiku-20241022-v1:0',
    'Claude 3.5 Haiku',
    'Anthropic',
    ['TEXT'],
    ['ON_DEMAND', 'INFERENCE_PROFILE'],
  ],
  ['amazon.titan-text-express-v1', 'Titan Text G1 - Express', 'Amazon', ['TEXT'], ['ON_DEMAND']],
  ['meta.llama3-1-70b-instruct-v1:0', 'Llama 3.1 70B Instruct', 'Meta', ['TEXT'], ['ON_DEMAND']],
  [
    'mistral.mistral-large-2402-v1:0',
    'Mistral Large (24.02)',
    'Mistral AI',
    ['TEXT'],
    ['ON_DEMAND'],
  ],
  // An embedding model, so a client's output-modality filter has something to filter out.
  ['amazon.titan-embed-text-v2:0', 'Titan Text Embeddings V2', 'Amazon', ['TEXT'], ['ON_DEMAND']],
];
const SONNET = `${ARN}::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0`;
const APP_PROFILE_ARN = `${ARN}:123456789012:application-inference-profile/a1b2c3d4e5f6`;
const PROFILES = [
  {
    id: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    name: 'US Claude Sonnet 4.5',
    type: 'SYSTEM_DEFINED',
  },
  {
    id: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
    name: 'Global Claude Sonnet 4.5',
    type: 'SYSTEM_DEFINED',
  },
  { id: 'a1b2c3d4e5f6', arn: APP_PROFILE_ARN, name: 'team-chat-sonnet', type: 'APPLICATION' },
];

function controlRoute(fake: BedrockFake, path: string): FakeRoute | null {
  if (path !== '/foundation-models' && path !== '/inference-profiles') return null;
  return ({ req, res }) => {
    if (fake.listingFault) {
      const { status, message = 'You are not authorized to perform this operation.' } =
        fake.listingFault;
      return sendJson(res, status, { message }, errorHeaders(status));
    }
    const query = new URL(req.url ?? '/', 'http://fake').searchParams;
    if (path === '/foundation-models') {
      const modality = query.get('byOutputModality');
      const modelSummaries = FOUNDATION_MODELS.map(
        ([modelId, modelName, providerName, input, types]) => ({
          modelId,
          modelArn: `${ARN}::foundation-model/${modelId}`,
          modelName,
          providerName,
          inputModalities: input,
          outputModalities: [modelId.includes('embed') ? 'EMBEDDING' : 'TEXT'],
          responseStreamingSupported: !modelId.includes('embed'),
          inferenceTypesSupported: types,
          modelLifecycle: { status: 'ACTIVE' },
        }),
      ).filter((m) => modality === null || m.outputModalities.includes(modality));
      return sendJson(res, 200, { modelSummaries });
    }
    const all = PROFILES.filter((p) => p.type === (query.get('type') ?? 'SYSTEM_DEFINED'));
    const start = Number(query.get('nextToken') ?? 0);
    const end = start + Math.min(fake.profilePageSize, Number(query.get('maxResults') ?? 1000));
    const inferenceProfileSummaries = all.slice(start, end).map((p) => ({
      inferenceProfileId: p.id,
      inferenceProfileArn: p.arn ?? `${ARN}:123456789012:inference-profile/${p.id}`,
      inferenceProfileName: p.name,
      type: p.type,
      status: 'ACTIVE',
      models: [{ modelArn: SONNET }],
    }));
    return sendJson(res, 200, {
      inferenceProfileSummaries,
      ...(end < all.length ? { nextToken: String(end) } : {}),
    });
  };
}

/** Status faults get Bedrock's `x-amzn-errortype`, which the SDK reads to name the exception. */
function addErrorTypeHeaders(server: FakeServer): void {
  const take = server.faults.take.bind(server.faults);
  server.faults.take = () => {
    const fault = take();
    return fault?.kind === 'status'
      ? { ...fault, headers: { ...errorHeaders(fault.status), ...fault.headers } }
      : fault;
  };
}

/**
 * Starts a Bedrock fake on 127.0.0.1. `h2c` (default true) serves cleartext HTTP/2, which the
 * runtime client speaks by default; `h2c: false` serves HTTP/1.1. The control-plane client
 * speaks HTTP/1.1, so with h2c the control plane is also served on `controlUrl` over HTTP/1.1.
 */
export async function startBedrockFake(
  options: { readonly h2c?: boolean } = {},
): Promise<BedrockFake> {
  const h2c = options.h2c ?? true;
  const errorBody = (_status: number, message: string) => ({ message });
  let fake: BedrockFake | null = null;
  const route = (path: string): FakeRoute | null =>
    fake ? (runtimeRoute(fake, path) ?? controlRoute(fake, path)) : null;
  const server = await listenFake(route, { h2c, errorBody });
  const control = h2c
    ? await listenFake((path) => (fake ? controlRoute(fake, path) : null), { errorBody })
    : server;
  const knobs = {
    modelIds: [] as string[],
    rawPaths: [] as string[],
    controlUrl: control.url,
    control,
    listingFault: null,
    profilePageSize: 1,
    stopReason: null,
  };
  fake = Object.assign(server, knobs);
  addErrorTypeHeaders(server);
  if (control !== server) {
    addErrorTypeHeaders(control);
    const closeMain = server.close;
    server.close = () => Promise.all([closeMain(), control.close()]).then(() => undefined);
  }
  return fake;
}
