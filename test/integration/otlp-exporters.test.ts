import { context, trace, type Span, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter as HttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openOtlpServer } from '../support/otlp-server';

type Exporter = 'proto' | 'json';
/** What an exporter reports (@opentelemetry/core's ExportResult, which is not a direct dependency). */
type ExportResult = Parameters<Parameters<ProtoExporter['export']>[1]>[0];
/** ExportResultCode.FAILED. */
const FAILED = 1;

function providerFor(url: string, kind: Exporter, gzip: boolean): NodeTracerProvider {
  const config = {
    url: `${url}/v1/traces`,
    ...(gzip ? { compression: 'gzip' as never } : {}),
  };
  const exporter = kind === 'proto' ? new ProtoExporter(config) : new HttpJsonExporter(config);
  return new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'otlp-test-app' }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
}

function child(tracer: Tracer, parent: Span, name: string): Span {
  return tracer.startSpan(name, {}, trace.setSpan(context.active(), parent));
}

// gpt-4o-mini from the catalog: input 0.15, cached input 0.075, output 0.60 USD per 1M tokens.
// 1000 input tokens of which 200 cached, 50 output: 800 * 150,000 + 200 * 75,000 + 50 * 600,000.
const GPT_4O_MINI_COST_PICO = 800 * 150_000 + 200 * 75_000 + 50 * 600_000;
// claude-3-5-haiku-20241022: input 0.80, output 4.00 USD per 1M tokens.
const HAIKU_COST_PICO = 300 * 800_000 + 40 * 4_000_000;

function exportApp(tracer: Tracer): { traceId: string } {
  const root = tracer.startSpan('support-agent', {
    attributes: {
      'gen_ai.operation.name': 'invoke_agent',
      'session.id': 'sess-1',
      'user.id': 'u-7',
    },
  });
  // Current semantic conventions, content as JSON attributes.
  const current = child(tracer, root, 'chat gpt-4o-mini');
  current.setAttributes({
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': 'openai',
    'gen_ai.request.model': 'gpt-4o-mini',
    'gen_ai.response.model': 'gpt-4o-mini',
    'gen_ai.request.temperature': 0.2,
    'gen_ai.request.max_tokens': 256,
    'gen_ai.usage.input_tokens': 1000,
    'gen_ai.usage.cache_read.input_tokens': 200,
    'gen_ai.usage.output_tokens': 50,
    'gen_ai.response.finish_reasons': ['stop'],
    'gen_ai.system_instructions': JSON.stringify([{ type: 'text', content: 'Be brief.' }]),
    'gen_ai.input.messages': JSON.stringify([
      { role: 'user', parts: [{ type: 'text', content: 'Where is my parcel?' }] },
    ]),
    'gen_ai.output.messages': JSON.stringify([
      {
        role: 'assistant',
        parts: [{ type: 'text', content: 'It ships tomorrow.' }],
        finish_reason: 'stop',
      },
    ]),
    'tag.tags': ['support', 'beta'],
  });
  current.end();
  // 1.36-era names, content as span events.
  const old = child(tracer, root, 'chat claude');
  old.setAttributes({
    'gen_ai.operation.name': 'chat',
    'gen_ai.system': 'anthropic',
    'gen_ai.request.model': 'claude-3-5-haiku-20241022',
    'gen_ai.usage.prompt_tokens': 300,
    'gen_ai.usage.completion_tokens': 40,
  });
  old.addEvent('gen_ai.system.message', { 'gen_ai.system': 'anthropic', content: 'You route.' });
  old.addEvent('gen_ai.user.message', { 'gen_ai.system': 'anthropic', content: 'Refund please' });
  old.addEvent('gen_ai.choice', {
    'gen_ai.system': 'anthropic',
    index: 0,
    finish_reason: 'end_turn',
    message: JSON.stringify({ role: 'assistant', content: 'Routing to billing.' }),
  });
  old.end();
  // OpenInference, with a provided cost that wins over the catalog.
  const oi = child(tracer, root, 'ChatOpenAI');
  oi.setAttributes({
    'openinference.span.kind': 'LLM',
    'llm.provider': 'openai',
    'llm.model_name': 'gpt-4o-mini',
    'llm.token_count.prompt': 10,
    'llm.token_count.completion': 5,
    'llm.cost.total': 0.0125,
    'llm.invocation_parameters': JSON.stringify({ temperature: 0.7, top_p: 0.9 }),
    'llm.input_messages.0.message.role': 'user',
    'llm.input_messages.0.message.content': 'hi',
    'llm.output_messages.0.message.role': 'assistant',
    'llm.output_messages.0.message.content': 'hello',
  });
  oi.end();
  // A model the catalog does not price: unpriced stays null.
  const unpriced = child(tracer, root, 'chat mystery');
  unpriced.setAttributes({
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': 'openai',
    'gen_ai.request.model': 'mystery-model-1',
    'gen_ai.usage.input_tokens': 12,
    'gen_ai.usage.output_tokens': 3,
  });
  unpriced.end();
  const retriever = child(tracer, root, 'retrieve');
  retriever.setAttributes({
    'openinference.span.kind': 'RETRIEVER',
    'input.value': 'parcel policy',
    'output.value': JSON.stringify({ docs: 2 }),
    'output.mime_type': 'application/json',
  });
  retriever.end();
  root.end();
  return { traceId: root.spanContext().traceId };
}

describe.each([
  ['proto', false],
  ['json', false],
  ['proto', true],
  ['json', true],
] as const)('the official %s exporter (gzip %s) against POST /v1/traces', (kind, gzip) => {
  let ctx: Awaited<ReturnType<typeof openOtlpServer>>;
  beforeEach(async () => {
    ctx = await openOtlpServer();
  });
  afterEach(async () => {
    await ctx.close();
  });

  it('stores GenAI and OpenInference spans with tokens, exact cost and content', async () => {
    const provider = providerFor(ctx.server.url, kind, gzip);
    const { traceId } = exportApp(provider.getTracer('app'));
    await provider.forceFlush();
    await provider.shutdown();

    const { trace: summary, spans } = await ctx.core.services.tracing.get(traceId);
    expect(spans).toHaveLength(6);
    expect(summary.spanCount).toBe(6);
    const byName = new Map(spans.map((s) => [s.name, s]));

    const root = byName.get('support-agent')!;
    expect(root).toMatchObject({
      kind: 'agent',
      parentId: null,
      source: 'otlp',
      sessionId: 'sess-1',
      userId: 'u-7',
    });

    const current = byName.get('chat gpt-4o-mini')!;
    expect(current).toMatchObject({
      kind: 'llm',
      parentId: root.id,
      provider: 'openai',
      model: 'gpt-4o-mini',
      usage: { inputTokens: 800, cacheReadTokens: 200, outputTokens: 50 },
      tags: ['support', 'beta'],
    });
    expect(current.costUsd! * 1e12).toBeCloseTo(GPT_4O_MINI_COST_PICO, 3);
    expect(current.request).toEqual({
      provider: 'openai',
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Where is my parcel?' },
      ],
      temperature: 0.2,
      maxTokens: 256,
    });
    expect(current.response).toMatchObject({
      text: 'It ships tomorrow.',
      finishReason: 'stop',
      toolCalls: [],
    });
    expect(current.attributes).toMatchObject({ 'service.name': 'otlp-test-app' });
    expect(current.attributes).not.toHaveProperty('gen_ai.input.messages');

    const old = byName.get('chat claude')!;
    expect(old).toMatchObject({
      kind: 'llm',
      provider: 'anthropic',
      model: 'claude-3-5-haiku-20241022',
      usage: { inputTokens: 300, outputTokens: 40 },
    });
    expect(old.costUsd! * 1e12).toBeCloseTo(HAIKU_COST_PICO, 3);
    expect(old.request).toMatchObject({
      messages: [
        { role: 'system', content: 'You route.' },
        { role: 'user', content: 'Refund please' },
      ],
    });
    expect(old.response).toMatchObject({ text: 'Routing to billing.', finishReason: 'stop' });

    const oi = byName.get('ChatOpenAI')!;
    expect(oi).toMatchObject({
      kind: 'llm',
      provider: 'openai',
      model: 'gpt-4o-mini',
      costUsd: 0.0125,
    });
    expect(oi.request).toMatchObject({
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0.7,
      topP: 0.9,
    });
    expect(oi.response).toMatchObject({ text: 'hello' });

    expect(byName.get('chat mystery')).toMatchObject({
      kind: 'llm',
      costUsd: null,
      usage: { inputTokens: 12 },
    });
    expect(byName.get('retrieve')).toMatchObject({
      kind: 'retrieval',
      request: { input: 'parcel policy' },
      response: { output: { docs: 2 } },
    });
    expect(summary.costUsd! * 1e12).toBeCloseTo(
      GPT_4O_MINI_COST_PICO + HAIKU_COST_PICO + 0.0125e12,
      0,
    );
    expect(summary.unpricedCount).toBe(1);
  });
});

describe('a refused batch and the official exporters', () => {
  it.each<Exporter>(['proto', 'json'])(
    '%s: fails the export at once, without retrying it',
    async (kind) => {
      const ctx = await openOtlpServer();
      try {
        const ended: ReadableSpan[] = [];
        const provider = new NodeTracerProvider({
          spanProcessors: [
            {
              onStart: () => undefined,
              onEnd: (span) => void ended.push(span),
              forceFlush: async () => undefined,
              shutdown: async () => undefined,
            },
          ],
        });
        const span = provider.getTracer('app').startSpan('chat');
        span.setAttributes({
          'gen_ai.operation.name': 'chat',
          'gen_ai.usage.input_tokens': 'lots',
        });
        span.end();
        const config = { url: `${ctx.server.url}/v1/traces` };
        const exporter =
          kind === 'proto' ? new ProtoExporter(config) : new HttpJsonExporter(config);
        const started = performance.now();
        const result = await new Promise<ExportResult>((resolve) =>
          exporter.export(ended, resolve),
        );
        expect(result.code).toBe(FAILED);
        expect(String(result.error?.message)).toMatch(/Bad Request|400/);
        // The exporter keeps the answer's body on the error: the Status, naming the span's field.
        expect(String((result.error as { data?: unknown } | undefined)?.data)).toContain(
          'gen_ai.usage.input_tokens',
        );
        // The exporter's retries back off from one second: an answer this fast was not retried.
        expect(performance.now() - started).toBeLessThan(900);
        await expect(
          ctx.core.services.tracing.get(span.spanContext().traceId),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await exporter.shutdown();
      } finally {
        await ctx.close();
      }
    },
  );
});
