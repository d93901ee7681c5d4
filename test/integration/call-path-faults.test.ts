import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/app/create-core';
import { createConfBackend } from '../../main/settings/conf-backend';
import { createKeyfileCipher } from '../../main/secrets/keyfile-cipher';
import { startOpenAiFake } from '../fakes/openai-fake';
import type { FakeServer } from '../fakes/fake-http';
import { testDatabaseEnv } from '../support/test-database';
import { tempDir } from '../support/temp-dir';
import path from 'node:path';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startOpenAiFake();
});
afterAll(() => fake.close());

async function coreAgainstFake(): Promise<Core> {
  const dataDir = tempDir();
  const { ASSAY_DATABASE_URL } = await testDatabaseEnv(dataDir);
  return createCore({
    dataDir,
    databaseUrl: ASSAY_DATABASE_URL,
    settingsBackend: createConfBackend(dataDir),
    secretCipher: createKeyfileCipher(path.join(dataDir, 'secret.key')),
    env: { OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-fake-key-for-tests-0000' },
    llm: {
      callPath: {
        retry: { maxAttempts: 4, baseDelayMs: 2, maxDelayMs: 20, maxRetryAfterMs: 1000 },
        attemptTimeoutMs: 2000,
      },
    },
  });
}

describe('call path against the fake OpenAI server through the real SDK', () => {
  it('ends 200 calls with 20% injected faults with 200 spans, none missing', async () => {
    const core = await coreAgainstFake();
    fake.faults
      .clear()
      .setRandom(
        0.2,
        [
          { kind: 'status', status: 429, headers: { 'retry-after-ms': '5' } },
          { kind: 'status', status: 500 },
          { kind: 'status', status: 503 },
          { kind: 'drop' },
        ],
        42,
      );
    const before = fake.requests.length;
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        core.dispatcher.dispatch(
          'llm.call',
          {
            provider: 'openai',
            model: 'gpt-4o-mini',
            messages: [{ role: 'user', content: `case ${i}` }],
          },
          { transport: 'cli' },
        ),
      ),
    );
    const spans = await core.store.db
      .selectFrom('span')
      .select(['status', 'attempts', 'error_class'])
      .where('kind', '=', 'llm')
      .execute();
    expect(spans).toHaveLength(200);
    const ok = results.filter((r) => r.status === 'fulfilled' && r.value.ok).length;
    const failed = spans.filter((s) => s.status === 'error');
    expect(ok + failed.length).toBe(200);
    for (const s of failed)
      expect(['rate_limited', 'server_error', 'connection']).toContain(s.error_class);
    const retried = spans.filter((s) => s.attempts > 1).length;
    const injected = [...fake.faults.applied.values()].reduce((a, b) => a + b, 0);
    expect(injected).toBeGreaterThan(20);
    expect(retried).toBeGreaterThan(0);
    // Every attempt is a request: spans' attempts add up to what the server received.
    expect(spans.reduce((n, s) => n + s.attempts, 0)).toBe(fake.requests.length - before);
    fake.faults.clear();
    await core.close();
  });

  it('serves a cached repeat with no request, zero cost, and a cache-hit span', async () => {
    const core = await coreAgainstFake();
    const input = {
      provider: 'openai',
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'cache me' }],
    };
    const first = await core.dispatcher.dispatch('llm.call', input, { transport: 'cli' });
    const requests = fake.requests.length;
    const second = await core.dispatcher.dispatch('llm.call', input, { transport: 'cli' });
    expect(fake.requests.length).toBe(requests);
    expect(first).toMatchObject({ ok: true, data: { cacheHit: false } });
    expect(second).toMatchObject({
      ok: true,
      data: { cacheHit: true, costUsd: 0, costPicoUsd: 0 },
    });
    if (!first.ok || !second.ok) return;
    expect((first.data as { costPicoUsd: number }).costPicoUsd).toBeGreaterThan(0);
    const span = await core.services.llm.span((second.data as { spanId: string }).spanId);
    expect(span).toMatchObject({ cacheHit: true, costPicoUsd: 0, status: 'ok' });
    await core.close();
  });

  it('fails a 400 at once with the provider message, and never stores the API key in spans', async () => {
    const core = await coreAgainstFake();
    fake.faults
      .clear()
      .enqueue({ kind: 'status', status: 400, message: "Unsupported parameter: 'foo'" });
    const before = fake.requests.length;
    const res = await core.dispatcher.dispatch(
      'llm.call',
      {
        provider: 'openai',
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'bad' }],
        bypassCache: true,
      },
      { transport: 'cli' },
    );
    expect(fake.requests.length - before).toBe(1);
    expect(res).toMatchObject({ ok: false, error: { code: 'PROVIDER_REJECTED' } });
    if (!res.ok) expect(res.error.message).toContain("Unsupported parameter: 'foo'");
    const dump = JSON.stringify(await core.store.db.selectFrom('span').selectAll().execute());
    expect(dump).not.toContain('sk-fake-key-for-tests-0000');
    await core.close();
  });
});
