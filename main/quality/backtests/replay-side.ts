import type { RerunOverrides } from '../../../shared/contract/trace-actions';
import { AssayError, toErrorPayload } from '../../../shared/errors';
import type { CallInput, CallResult } from '../../llm/call/call-llm';
import type { ChatMessage, ChatRequest } from '../../llm/types';
import type { ResolvedSide } from './backtest-records';
import {
  asText,
  recordedCost,
  recordedLatency,
  recordedMessages,
  type FrozenItem,
} from './frozen-item';

/**
 * One item replayed on one side: each recorded LLM call sent again with the side's model,
 * parameters and prompt, the conversation around it (tool results, retrieved context, earlier
 * turns) as recorded. Only what the side changes is changed; the last call's answer is the
 * item's answer.
 */

/** How the core turns recorded calls into requests (tracing's rerun rules) and renders prompts. */
export interface ReplaySeam {
  request(
    call: {
      id: string;
      kind: 'llm';
      provider: string | null;
      model: string | null;
      requestJson: string;
    },
    overrides: RerunOverrides,
    where: string,
  ): ChatRequest;
  applyPrompt(
    spanId: string,
    vars: Readonly<Record<string, string>> | null,
    request: ChatRequest,
    versionId: string,
    where: string,
  ): Promise<{ request: ChatRequest }>;
  /** A prompt version rendered with variables (dataset items), with its config. */
  render(
    versionId: string,
    vars: Readonly<Record<string, string>>,
  ): Promise<{
    messages: ChatMessage[];
    config: {
      provider?: string;
      model?: string;
      temperature?: number;
      maxTokens?: number;
      topP?: number;
    };
  }>;
  /** Which prompt a recorded version belongs to (null when it is gone). */
  promptOf(versionId: string): Promise<string | null>;
  call(input: CallInput): Promise<CallResult>;
}

export interface SideOutcome {
  readonly status: 'ok' | 'error';
  readonly output: string | null;
  readonly error: string | null;
  readonly costPicoUsd: number | null;
  readonly latencyMs: number | null;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly spanIds: readonly string[];
  /** What graders read as the input and instructions: the last request's user and system turns. */
  readonly input: string | null;
  readonly instructions: string | null;
  readonly toolCalls: number;
}

function turns(messages: readonly { role: string; content: unknown }[]) {
  const user = messages.filter((m) => m.role === 'user').at(-1);
  const system = messages.find((m) => m.role === 'system');
  return {
    input: user ? asText(user.content) : null,
    instructions: system ? asText(system.content) : null,
  };
}

/** What production did: the recorded answer, cost and latency, replayed from nothing. */
export function productionSide(item: FrozenItem): SideOutcome {
  const last = item.calls.at(-1);
  const output = item.output ?? last?.answer ?? null;
  const failed = output === null && last?.status === 'error';
  const t = last
    ? turns(recordedMessages(last))
    : { input: asText(item.input), instructions: null };
  return {
    status: failed ? 'error' : 'ok',
    output,
    error: failed ? 'the recorded call failed' : null,
    costPicoUsd: item.calls.length > 0 ? recordedCost(item.calls) : null,
    latencyMs: recordedLatency(item.calls),
    inputTokens: item.calls.reduce((s, c) => s + c.inputTokens, 0),
    outputTokens: item.calls.reduce((s, c) => s + c.outputTokens, 0),
    spanIds: item.calls.map((c) => c.spanId),
    input: t.input ?? asText(item.input),
    instructions: t.instructions,
    toolCalls: 0,
  };
}

export interface ReplayContext {
  readonly seam: ReplaySeam;
  readonly signal: AbortSignal;
  readonly attributes: Record<string, unknown>;
  readonly where: string;
  /** Prompt names of recorded versions, looked up once per run. */
  readonly promptNames: Map<string, Promise<string | null>>;
}

function promptName(ctx: ReplayContext, versionId: string): Promise<string | null> {
  let found = ctx.promptNames.get(versionId);
  if (!found) {
    found = ctx.seam.promptOf(versionId).catch(() => null);
    ctx.promptNames.set(versionId, found);
  }
  return found;
}

/**
 * The calls a side's prompt replaces: those recorded with a version of the same prompt; when
 * no call names a prompt (gateway and OTLP traffic), the last one, whose answer is the item's.
 */
async function promptedCalls(
  item: FrozenItem,
  side: ResolvedSide,
  ctx: ReplayContext,
): Promise<Set<number>> {
  const out = new Set<number>();
  if (!side.prompt) return out;
  let named = false;
  for (const [i, call] of item.calls.entries()) {
    if (call.promptVersionId === null) continue;
    named = true;
    if ((await promptName(ctx, call.promptVersionId)) === side.prompt.name) out.add(i);
  }
  if (!named && item.calls.length > 0) out.add(item.calls.length - 1);
  return out;
}

function answerText(result: CallResult): string {
  const { text, toolCalls } = result.response;
  if (text !== '' || toolCalls.length === 0) return text;
  return JSON.stringify(toolCalls);
}

async function requests(
  item: FrozenItem,
  side: ResolvedSide,
  ctx: ReplayContext,
): Promise<ChatRequest[]> {
  const overrides: RerunOverrides = {
    ...(side.model ? { model: side.model as RerunOverrides['model'] } : {}),
    parameters: side.parameters,
  };
  if (item.calls.length === 0) {
    if (item.vars === null || !side.prompt)
      throw new AssayError(
        'VALIDATION_FAILED',
        `${ctx.where}: the interaction recorded no LLM call to replay`,
      );
    // A dataset case: the side's prompt rendered with the case's variables (checked at start).
    const rendered = await ctx.seam.render(side.prompt.versionId, item.vars);
    const provider = side.model?.provider ?? rendered.config.provider;
    const model = side.model?.model ?? rendered.config.model;
    return [
      {
        provider: provider as ChatRequest['provider'],
        model: model!,
        messages: rendered.messages,
        temperature: side.parameters.temperature ?? rendered.config.temperature,
        maxTokens: side.parameters.maxTokens ?? rendered.config.maxTokens,
        topP: side.parameters.topP ?? rendered.config.topP,
      },
    ];
  }
  const prompted = await promptedCalls(item, side, ctx);
  const out: ChatRequest[] = [];
  for (const [i, call] of item.calls.entries()) {
    let request = ctx.seam.request(
      {
        id: call.spanId,
        kind: 'llm',
        provider: call.provider,
        model: call.model,
        requestJson: call.requestJson,
      },
      overrides,
      ctx.where,
    );
    if (prompted.has(i)) {
      request = (
        await ctx.seam.applyPrompt(
          call.spanId,
          call.vars,
          request,
          side.prompt!.versionId,
          ctx.where,
        )
      ).request;
      // Parameters asked for win over anything; the version changes only the messages.
    }
    out.push(request);
  }
  return out;
}

/** Replays an item on a side. Never throws: a call or a request that fails is the outcome. */
export async function replaySide(
  item: FrozenItem,
  side: ResolvedSide,
  ctx: ReplayContext,
): Promise<SideOutcome> {
  const spanIds: string[] = [];
  let cost: number | null = 0;
  let latency = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let sent: ChatRequest | null = null;
  try {
    const all = await requests(item, side, ctx);
    let last: CallResult | null = null;
    for (const request of all) {
      sent = request;
      last = await ctx.seam.call({
        request,
        signal: ctx.signal,
        // A backtest measures the model now: never answered from the cache, which stays as it was.
        bypassCache: true,
        refreshCache: false,
        spanName: 'backtest replay',
        attributes: ctx.attributes,
        listed: false,
      });
      spanIds.push(last.spanId);
      cost = cost === null || last.costPicoUsd === null ? null : cost + last.costPicoUsd;
      latency += last.latencyMs;
      inputTokens += last.response.usage.inputTokens;
      outputTokens += last.response.usage.outputTokens;
    }
    const t = turns(sent?.messages ?? []);
    return {
      status: 'ok',
      output: last ? answerText(last) : null,
      error: null,
      costPicoUsd: cost,
      latencyMs: latency,
      inputTokens,
      outputTokens,
      spanIds,
      input: t.input,
      instructions: t.instructions,
      toolCalls: last?.response.toolCalls.length ?? 0,
    };
  } catch (err) {
    const { code, message } = toErrorPayload(err);
    const t = turns(sent?.messages ?? []);
    return {
      status: 'error',
      output: null,
      error: `${code}: ${message}`,
      costPicoUsd: spanIds.length > 0 ? cost : null,
      latencyMs: spanIds.length > 0 ? latency : null,
      inputTokens,
      outputTokens,
      spanIds,
      input: t.input,
      instructions: t.instructions,
      toolCalls: 0,
    };
  }
}
