import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { Core } from '../../main/app/create-core';
import { openTestCore } from '../support/test-database';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { tempDir } from '../support/temp-dir';

const KEY = 'sk-spans-test-0123456789';
let openai: FakeServer;
let core: Core;

beforeAll(async () => {
  openai = await startOpenAiFake();
  core = await openTestCore(tempDir('assay-spans-'), {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: KEY,
  });
});

afterAll(async () => {
  await core.close();
  await openai.close();
});

async function ok<C extends Channel>(channel: C, input: ChannelInput<C>) {
  const result = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as ChannelOutput<C>;
}

describe('spans.get', () => {
  it('returns a call as sent and answered, with tokens, cost and timing, secrets cut out', async () => {
    const call = await ok('llm.call', {
      provider: 'openai',
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `my key is ${KEY}, say hi` }],
      temperature: 0,
    });
    const span = await ok('spans.get', { id: call.spanId });
    expect(span).toMatchObject({
      id: call.spanId,
      kind: 'llm',
      provider: 'openai',
      model: 'gpt-4o-mini',
      status: 'ok',
      attempts: 1,
      cacheHit: false,
      usage: call.usage,
    });
    expect(span.costUsd).toBeGreaterThan(0);
    expect(span.latencyMs).toBeGreaterThanOrEqual(0);
    const request = span.request as { messages: { content: string }[]; temperature: number };
    expect(request.temperature).toBe(0);
    expect(request.messages[0]!.content).toBe('my key is [REDACTED], say hi');
    expect((span.response as { text: string }).text).toBe(call.text.replace(KEY, '[REDACTED]'));
    expect(JSON.stringify(span)).not.toContain(KEY);
    // Only the declared view: no stored JSON columns or pico-dollar fields leak out.
    expect(Object.keys(span)).not.toContain('requestJson');
    expect(Object.keys(span)).not.toContain('costPicoUsd');
  });

  it('records a failed call with its error class and no response', async () => {
    openai.faults.enqueue({ kind: 'status', status: 400, message: 'bad request from the fake' });
    const failed = await core.dispatcher.dispatch(
      'llm.call',
      { provider: 'openai', model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] },
      { transport: 'http' },
    );
    expect(failed.ok).toBe(false);
    const row = await core.store.db
      .selectFrom('span')
      .select('id')
      .where('status', '=', 'error')
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    expect(row).toBeDefined();
    const span = await ok('spans.get', { id: row!.id });
    expect(span).toMatchObject({ status: 'error', response: null, costUsd: null });
    expect(span.errorClass).not.toBeNull();
  });

  it('answers an unknown id with NOT_FOUND and a malformed one with VALIDATION_FAILED', async () => {
    const missing = await core.dispatcher.dispatch(
      'spans.get',
      { id: 'no-such-span' },
      { transport: 'http' },
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!missing.ok && missing.error.message).toContain('no-such-span');
    const malformed = await core.dispatcher.dispatch(
      'spans.get',
      { id: '' },
      { transport: 'http' },
    );
    expect(malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
