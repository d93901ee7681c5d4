import { newId } from '../../main/kit/ids';
import type { SpanRecord } from '../../main/tracing/span-record';

/** A complete, valid LLM span (a call-path span by default) with the given fields replaced. */
export function spanFixture(overrides: Partial<SpanRecord> = {}): SpanRecord {
  return {
    id: newId(),
    traceId: newId(),
    parentId: null,
    kind: 'llm',
    name: 'openai:gpt-4o',
    source: 'assay',
    provider: 'openai',
    model: 'gpt-4o',
    status: 'ok',
    errorClass: null,
    errorMessage: null,
    requestJson: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
    responseJson: JSON.stringify({ text: 'hello' }),
    usage: {
      inputTokens: 12,
      outputTokens: 5,
      cacheReadTokens: 3,
      cacheWriteTokens: 1,
      reasoningTokens: 2,
    },
    costPicoUsd: 125_000_000,
    latencyMs: 42,
    ttftMs: 7,
    attempts: 1,
    cacheHit: false,
    providerRequestId: 'req_1',
    attributes: null,
    sessionId: null,
    userId: null,
    tags: [],
    promptVersionId: null,
    rerunOf: null,
    startedAt: '2026-12-06T10:00:00.000Z',
    endedAt: '2026-12-06T10:00:00.042Z',
    ...overrides,
  };
}
