import type { SpanRecord } from '../../main/tracing/span-record';

/**
 * Deterministic, realistic-looking traces for the store benchmark and the compression figure:
 * traces of 1-8 spans (a chain root with LLM, tool and retrieval children), 20 models, 1,000
 * users, sessions, tags, and chat payloads of 200-3,000 characters whose words follow a Zipf
 * law over a 6,000-word vocabulary (so some words are in most spans and some in very few, as
 * in real text; uniform random words would neither compress nor search like prose).
 */

/** mulberry32: small, fast, seedable; the same seed gives the same million spans. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'sa',
  'ti',
  'vo',
  'ze',
  'pa',
  'qu',
  'de',
  'bri',
  'st',
  'on',
  'el',
];
const COMMON = [
  'the',
  'a',
  'to',
  'of',
  'and',
  'is',
  'in',
  'for',
  'you',
  'please',
  'order',
  'customer',
  'refund',
  'account',
  'summary',
];

function buildVocabulary(size: number): string[] {
  const next = rng(7);
  const words = [...COMMON];
  const seen = new Set(words);
  while (words.length < size) {
    const n = 2 + Math.floor(next() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words;
}

export const VOCABULARY = buildVocabulary(6_000);
/** Cumulative Zipf(s=1.07) weights, for sampling a word's rank by binary search. */
const CUMULATIVE = (() => {
  const c: number[] = [];
  let sum = 0;
  for (let r = 1; r <= VOCABULARY.length; r++) c.push((sum += 1 / r ** 1.07));
  return c.map((x) => x / sum);
})();

function word(next: () => number): string {
  const u = next();
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo]!;
}

export function prose(next: () => number, chars: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const w = word(next);
    parts.push(w);
    length += w.length + 1;
    if (next() < 0.08) parts[parts.length - 1] += '.';
  }
  return parts.join(' ');
}

export const MODELS = Array.from({ length: 20 }, (_, i) =>
  i < 10
    ? { provider: 'openai', model: `gpt-bench-${i}` }
    : { provider: 'anthropic', model: `claude-bench-${i}` },
);
export const TAGS = [
  'prod',
  'staging',
  'beta',
  'mobile',
  'web',
  'support',
  'search',
  'agent',
  'batch',
  'vip',
];
export const USERS = 1_000;

const SYSTEM_PROMPTS = Array.from({ length: 30 }, (_, i) => prose(rng(1000 + i), 150 + i * 10));

/** A chat request and answer in Assay's normalized shape, 200-3,000 characters together. */
export function chatPayload(
  next: () => number,
  provider: string,
  model: string,
): { requestJson: string; responseJson: string; inputTokens: number; outputTokens: number } {
  const total = 200 + Math.floor(next() * 2_800);
  const userChars = Math.floor(total * 0.45);
  const answerChars = Math.floor(total * 0.35);
  const system = SYSTEM_PROMPTS[Math.floor(next() * SYSTEM_PROMPTS.length)]!.slice(
    0,
    Math.max(40, total - userChars - answerChars),
  );
  const user = prose(next, userChars);
  const text = prose(next, answerChars);
  const inputTokens = Math.ceil((system.length + user.length) / 4);
  const outputTokens = Math.ceil(text.length / 4);
  return {
    requestJson: JSON.stringify({
      provider,
      model,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
      temperature: 0.2,
      maxTokens: 1024,
    }),
    responseJson: JSON.stringify({
      text,
      toolCalls: [],
      finishReason: 'stop',
      usage: {
        inputTokens,
        outputTokens,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        reasoningTokens: 0,
      },
    }),
    inputTokens,
    outputTokens,
  };
}

const hex = (next: () => number, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(next() * 16).toString(16);
  return s;
};

/**
 * Trace number `t` (deterministic): 1-8 spans. Times run back from `end` so the newest traces
 * are trace 0..; two traces a second on average over the period.
 */
export function benchTrace(t: number, end: number): SpanRecord[] {
  const next = rng(t * 7919 + 13);
  const spanCount = 1 + Math.floor(next() * 8);
  const traceId = hex(next, 32);
  const user = `user-${Math.floor(next() * USERS)}`;
  const session = `session-${Math.floor(next() * USERS * 5)}`;
  const tags = TAGS.filter(() => next() < 0.15);
  const { provider, model } = MODELS[Math.floor(next() * MODELS.length)]!;
  const started = end - t * 500 - Math.floor(next() * 400);
  const failed = next() < 0.03;
  const spans: SpanRecord[] = [];
  const rootId = hex(next, 16);
  let clock = started;
  for (let i = 0; i < spanCount; i++) {
    const root = i === 0;
    const kind =
      root && spanCount > 1 ? 'chain' : next() < 0.7 ? 'llm' : next() < 0.5 ? 'tool' : 'retrieval';
    const latency =
      kind === 'llm' ? 200 + Math.floor(next() * 4_000) : 5 + Math.floor(next() * 300);
    let requestJson: string;
    let responseJson: string | null;
    let inputTokens = 0;
    let outputTokens = 0;
    if (kind === 'llm') {
      const p = chatPayload(next, provider, model);
      ({ requestJson, responseJson, inputTokens, outputTokens } = p);
    } else {
      requestJson = JSON.stringify({ input: prose(next, 60 + Math.floor(next() * 200)) });
      responseJson = JSON.stringify({ output: prose(next, 80 + Math.floor(next() * 400)) });
    }
    const error = failed && i === spanCount - 1;
    spans.push({
      id: root ? rootId : hex(next, 16),
      traceId,
      parentId: root ? null : rootId,
      kind,
      name:
        root && spanCount > 1
          ? 'handle-request'
          : kind === 'llm'
            ? `${provider}:${model}`
            : `${kind}-${i}`,
      source: next() < 0.5 ? 'otlp' : 'gateway',
      provider: kind === 'llm' ? provider : null,
      model: kind === 'llm' ? model : null,
      status: error ? 'error' : 'ok',
      errorClass: error ? 'RateLimitError' : null,
      errorMessage: error ? '429 Too Many Requests' : null,
      requestJson,
      responseJson: error ? null : responseJson,
      usage: {
        inputTokens,
        outputTokens,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        reasoningTokens: 0,
      },
      costPicoUsd:
        kind === 'llm' ? (inputTokens * 150_000 + outputTokens * 600_000) * (1 + (t % 20)) : null,
      latencyMs: latency,
      ttftMs: kind === 'llm' ? Math.floor(latency / 4) : null,
      attempts: 1,
      cacheHit: false,
      providerRequestId: kind === 'llm' ? `req_${hex(next, 12)}` : null,
      attributes: {
        'service.name': 'bench-app',
        'deployment.environment': tags.includes('prod') ? 'prod' : 'dev',
      },
      sessionId: session,
      userId: user,
      tags,
      promptVersionId: null,
      rerunOf: null,
      startedAt: new Date(clock).toISOString(),
      endedAt: new Date(clock + latency).toISOString(),
    });
    clock += root ? 1 : latency;
  }
  return spans;
}
