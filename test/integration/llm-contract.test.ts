import { openTestCore } from '../support/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/app/create-core';
import { startHttpServer, type RunningServer } from '../../main/server/start-server';
import type { FakeServer } from '../fakes/fake-http';
import { startOllamaFake } from '../fakes/ollama-fake';
import { startOpenAiFake } from '../fakes/openai-fake';
import { readSse } from '../support/sse-reader';
import { tempDir } from '../support/temp-dir';

let openai: FakeServer;
let ollama: FakeServer;
let core: Core;
let server: RunningServer;

async function post(
  channel: string,
  input: unknown,
): Promise<{
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string } };
}> {
  const res = await fetch(`${server.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as never };
}

beforeAll(async () => {
  openai = await startOpenAiFake({ streamGapMs: 5 });
  ollama = await startOllamaFake();
  const dataDir = tempDir('assay-llm-contract-');
  core = await openTestCore(dataDir, {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-contract-test-000000',
    ASSAY_LOCAL_BASE_URL: `${ollama.url}/v1`,
    // Anthropic has no key here; Bedrock points at a closed port so listing fails fast.
    AWS_ENDPOINT_URL_BEDROCK: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'AKIDTEST',
    AWS_SECRET_ACCESS_KEY: 'test-secret',
  });
  server = await startHttpServer({
    dispatcher: core.dispatcher,
    events: core.events,
    host: '127.0.0.1',
    port: 0,
  });
});

afterAll(async () => {
  await server.close();
  await core.close();
  await openai.close();
  await ollama.close();
});

describe('LLM channels over HTTP', () => {
  it('streams deltas on llm.delta and returns usage, cost and a span id', async () => {
    const abort = new AbortController();
    const events = await fetch(`${server.url}/api/events?topics=llm.delta`, {
      signal: abort.signal,
    });
    const sse = readSse(events.body!);
    await sse.ready;
    const call = post('llm.call', {
      provider: 'openai',
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'stream these few words please' },
      ],
      streamId: 'ui-column-1',
    });
    const first = await sse.next();
    expect(first.event).toBe('llm.delta');
    expect(JSON.parse(first.data)).toMatchObject({
      streamId: 'ui-column-1',
      delta: { type: 'text' },
    });
    const { status, body } = await call;
    abort.abort();
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      text: 'Echo: stream these few words please',
      cacheHit: false,
      attempts: 1,
      usage: { inputTokens: expect.any(Number), outputTokens: expect.any(Number) },
    });
    const data = body.data as {
      costUsd: number;
      spanId: string;
      ttftMs: number;
      latencyMs: number;
    };
    expect(data.costUsd).toBeGreaterThan(0);
    expect(data.ttftMs).toBeLessThanOrEqual(data.latencyMs);
    expect((await core.services.llm.span(data.spanId))?.status).toBe('ok');
  });

  it('names the bad field of a malformed call and calls no provider', async () => {
    const before = openai.requests.length;
    const { status, body } = await post('llm.call', {
      provider: 'openai',
      model: 'gpt-4o',
      messages: [{ role: 'wizard', content: 'x' }],
    });
    expect(status).toBe(400);
    expect(body.error?.code).toBe('VALIDATION_FAILED');
    expect(body.error?.message).toContain('"messages.0.role"');
    expect(openai.requests.length).toBe(before);
  });

  it('reports a missing key as a coded provider error with a hint', async () => {
    const { status, body } = await post('llm.call', {
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(status).toBe(502);
    expect(body.error).toMatchObject({ code: 'PROVIDER_AUTH' });
    expect(body.error?.message).toContain('ANTHROPIC_API_KEY');
  });

  it('lists models live, and falls back to the catalog with the reason when listing fails', async () => {
    const { body } = await post('models.list', {});
    const providers = (
      body.data as {
        providers: {
          provider: string;
          source: string;
          error: string | null;
          models: { id: string; price: unknown }[];
        }[];
      }
    ).providers;
    const byId = Object.fromEntries(providers.map((p) => [p.provider, p]));
    expect(byId.openai).toMatchObject({ source: 'live', error: null });
    expect(byId.openai!.models.find((m) => m.id === 'gpt-4o')?.price).toMatchObject({
      input: '2.50',
      output: '10.00',
    });
    expect(byId.local).toMatchObject({ source: 'live' });
    expect(byId.local!.models.map((m) => m.id)).toContain('llama3.2:3b');
    expect(byId.local!.models[0]!.price).toBeNull();
    expect(byId.bedrock!.source).toBe('catalog');
    expect(byId.bedrock!.error).toBeTruthy();
    expect(byId.bedrock!.models.some((m) => m.id === 'amazon.titan-text-express-v1')).toBe(true);
  });

  it('tests a connection', async () => {
    const ok = await post('models.testConnection', { provider: 'local' });
    expect(ok.body.data).toMatchObject({ provider: 'local', ok: true, modelCount: 1 });
    const bad = await post('models.testConnection', { provider: 'bedrock' });
    expect(bad.body.data).toMatchObject({ provider: 'bedrock', ok: false });
  });

  it('prices a local model at 0 explicitly, lists and removes the override', async () => {
    const set = await post('prices.set', {
      provider: 'local',
      model: 'llama3.2:3b',
      input: '0',
      output: '0',
    });
    expect(set.body.data).toMatchObject({
      provider: 'local',
      model: 'llama3.2:3b',
      input: '0.00',
      output: '0.00',
      source: 'override',
    });
    const call = await post('llm.call', {
      provider: 'local',
      model: 'llama3.2:3b',
      messages: [{ role: 'user', content: 'free?' }],
    });
    expect(call.body.data).toMatchObject({ costUsd: 0 });
    const catalogOnly = await post('models.list', { provider: 'local', live: false });
    const local = (
      catalogOnly.body.data as { providers: { models: { id: string; price: unknown }[] }[] }
    ).providers[0]!;
    expect(local.models.find((m) => m.id === 'llama3.2:3b')?.price).toMatchObject({
      input: '0.00',
      source: 'override',
    });
    const list = await post('prices.list', {});
    const prices = (list.body.data as { prices: { model: string; source: string }[] }).prices;
    expect(prices.find((p) => p.model === 'llama3.2:3b')?.source).toBe('override');
    const bad = await post('prices.set', {
      provider: 'local',
      model: 'x',
      input: '-1',
      output: '0',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('"input"');
    expect(
      (await post('prices.delete', { provider: 'local', model: 'llama3.2:3b' })).body.data,
    ).toEqual({ deleted: true });
    const unpriced = await post('llm.call', {
      provider: 'local',
      model: 'llama3.2:3b',
      messages: [{ role: 'user', content: 'now?' }],
    });
    expect(unpriced.body.data).toMatchObject({ costUsd: null, costPicoUsd: null });
  });
});
