import { randomUUID } from 'node:crypto';
import { controlRoute } from './bedrock-control-fake';
import { exceptionFrame, frame } from './bedrock-event-stream';
import { errorHeaders, sendJson, type BedrockFake } from './bedrock-fake-shared';
import {
  dropConnection,
  listenFake,
  sleep,
  type FakeContext,
  type FakeRes,
  type FakeRoute,
} from './fake-http';
import { chunkText, type FakeChatRequest, type FakeReply } from './fake-reply';

export type { BedrockFake } from './bedrock-fake-shared';

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
  // Status faults carry Bedrock's `x-amzn-errortype`, which the SDK reads to name the exception.
  const server = await listenFake(route, { h2c, errorBody, errorHeaders });
  const control = h2c
    ? await listenFake((path) => (fake ? controlRoute(fake, path) : null), {
        errorBody,
        errorHeaders,
      })
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
  if (control !== server) {
    const closeMain = server.close;
    server.close = () => Promise.all([closeMain(), control.close()]).then(() => undefined);
  }
  return fake;
}
