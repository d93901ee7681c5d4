import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channels, type Channel, type ChannelOutput } from '../../shared/contract';
import { errorPayloadSchema, type ErrorPayload } from '../../shared/errors';
import { parseJson } from '../support/parse-json';
import type { Core } from '../../main/app/create-core';
import { openTestCore } from '../support/test-database';
import { startHttpServer, type RunningServer } from '../../main/server/start-server';
import { anthropicErrorBody, anthropicRoute, startAnthropicFake } from '../fakes/anthropic-fake';
import type { FakeServer } from '../fakes/fake-http';
import { defaultReply } from '../fakes/fake-reply';
import {
  anthropicKeyMessage,
  echoingKeys,
  openAiKeyMessage,
  type KeyEcho,
} from '../fakes/key-echo';
import { openAiErrorBody, openAiRoute, startOpenAiFake } from '../fakes/openai-fake';
import { rowsContaining } from '../support/rows-containing';
import { filesContaining } from '../support/temp-dir';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// An OpenAI key of the real shape, and an Anthropic key of no known shape: the second can only
// be cut out by knowing the configured value.
const OPENAI_KEY = 'sk-proj-Tq3Zr8Lw1Xv6Nb2Mk9Hs4Jd7Fg0Pa5Yc';
const ANTHROPIC_KEY = 'anthropic-gateway-key-7e1f0c2d9b44';
const KEYS = [OPENAI_KEY, ANTHROPIC_KEY];

let openai: FakeServer;
let anthropic: FakeServer;
let openaiEcho: KeyEcho;
let anthropicEcho: KeyEcho;
let core: Core;
let server: RunningServer;
let dataDir: string;
/** The text of every HTTP response the test received from Assay. */
const bodies: string[] = [];

interface Answer<T> {
  readonly status: number;
  readonly body: { ok: boolean; data?: T; error?: ErrorPayload };
}

/** Calls a channel over HTTP; its answer is read through the contract's output schema. */
async function post<C extends Channel>(
  channel: C,
  input: unknown,
): Promise<Answer<ChannelOutput<C>>> {
  const res = await fetch(`${server.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const text = await res.text();
  bodies.push(text);
  const envelope = parseJson(
    z.object({
      ok: z.boolean(),
      data: z.unknown().optional(),
      error: errorPayloadSchema.optional(),
    }),
    text,
    `the ${channel} answer`,
  );
  // The data is checked by the channel's own output schema from the contract; the cast only
  // names the type TypeScript cannot tie to a generic channel (the parse has checked it).
  const data = envelope.ok
    ? (channels[channel].output.parse(envelope.data) as ChannelOutput<C>)
    : undefined;
  return { status: res.status, body: { ...envelope, data } };
}

const messages = (content: string) => [{ role: 'user', content }];

beforeAll(async () => {
  const o = echoingKeys(openAiRoute, openAiErrorBody, openAiKeyMessage);
  const a = echoingKeys(anthropicRoute, anthropicErrorBody, anthropicKeyMessage);
  [openaiEcho, anthropicEcho] = [o.echo, a.echo];
  openai = await startOpenAiFake({}, o.route);
  anthropic = await startAnthropicFake({}, a.route);
  // Kept to the end of the file (not the per-test temp dir): the last test reads its bytes.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-key-echo-'));
  // One key from the environment, the other saved in Settings: both ways keys reach a call.
  core = await openTestCore(dataDir, {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: OPENAI_KEY,
  });
  const saved = await core.dispatcher.dispatch(
    'settings.updateProvider',
    { provider: 'anthropic', apiKey: ANTHROPIC_KEY, baseUrl: anthropic.url },
    { transport: 'http' },
  );
  expect(saved.ok).toBe(true);
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
  await Promise.all([openai.close(), anthropic.close()]);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a provider that echoes the key', () => {
  it('HTTP API: llm.call, playground, model listing and connection tests report it without the key', async () => {
    openaiEcho.rejectKeys = anthropicEcho.rejectKeys = true;
    for (const [provider, model] of [
      ['openai', 'gpt-4o-mini'],
      ['anthropic', 'claude-sonnet-4-5'],
    ] as const) {
      const res = await post('llm.call', { provider, model, messages: messages('hello') });
      expect(res.status).toBe(502);
      expect(res.body.error?.code).toBe('PROVIDER_AUTH');
      expect(res.body.error?.message).toMatch(/\[REDACTED\]/);
      const tested = await post('models.testConnection', {
        provider,
      });
      expect(tested.body.data).toMatchObject({ ok: false });
      expect(tested.body.data?.message).toMatch(/\[REDACTED\]/);
    }
    // The fakes did send the keys back: the raw 401 bodies held them.
    expect([openaiEcho.lastKey, anthropicEcho.lastKey]).toEqual(KEYS);
    const played = await post('playground.run', {
      messages: messages('compare'),
      targets: [
        { provider: 'openai', model: 'gpt-4o' },
        { provider: 'anthropic', model: 'claude-sonnet-4-5' },
      ],
      streamPrefix: 'echo',
    });
    expect(played.body.data!.columns.map((c) => c.status)).toEqual(['error', 'error']);
    const listed = await post('models.list', { live: true });
    expect(listed.status).toBe(200);
  });

  it('eval run: every case fails with the provider error, stored without the key', async () => {
    openaiEcho.rejectKeys = anthropicEcho.rejectKeys = true;
    const imported = await post('datasets.import', {
      name: 'echo-cases',
      format: 'yaml',
      content: 'test_cases:\n  - vars: { n: "1" }\n  - vars: { n: "2" }\n',
      interactionType: 'chat',
    });
    expect(imported.status).toBe(200);
    const started = await post('evals.start', {
      dataset: 'echo-cases',
      prompt: { template: 'Say {{n}}' },
      targets: [
        { provider: 'openai', model: 'gpt-4o-mini' },
        { provider: 'anthropic', model: 'claude-sonnet-4-5' },
      ],
      concurrency: 2,
    });
    expect(started.status).toBe(200);
    const runs = started.body.data!.runs;
    await Promise.all(runs.map((r) => core.services.runs.wait(r.id)));
    for (const run of runs) {
      const page = await post('evals.results', { runId: run.id, status: 'error' });
      expect(page.body.data?.total).toBe(2);
      for (const result of page.body.data!.results)
        expect(result.error?.message).toMatch(/^(openai|anthropic) 401: .*\[REDACTED\]/);
    }
    const stored = await core.store.db
      .selectFrom('eval_result')
      .select('error_message')
      .where('error_message', 'is not', null)
      .execute();
    expect(stored.length).toBe(4);
  });

  it('a successful answer that echoes the key reaches its caller and the cache without it', async () => {
    openaiEcho.rejectKeys = anthropicEcho.rejectKeys = false;
    openai.reply = (req) => ({ ...defaultReply(req), text: `Your key is ${openaiEcho.lastKey}.` });
    const input = { provider: 'openai', model: 'gpt-4o-mini', messages: messages('my key?') };
    const live = await post('llm.call', input);
    expect(live.body.data).toMatchObject({ cacheHit: false, text: 'Your key is [REDACTED].' });
    const cached = await post('llm.call', input);
    expect(cached.body.data).toMatchObject({ cacheHit: true, text: 'Your key is [REDACTED].' });
    const rows = await core.store.db.selectFrom('llm_cache').select('response_json').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(OPENAI_KEY);
  });

  it('leaves the key in no HTTP body, no table row and no byte of the database files', async () => {
    expect(bodies.length).toBeGreaterThan(10);
    for (const key of KEYS) {
      expect(bodies.filter((b) => b.includes(key))).toEqual([]);
      const scan = await rowsContaining(core.store.db, key);
      expect(scan.scanned).toBeGreaterThan(0);
      expect(scan.hits).toEqual([]);
      expect(filesContaining(dataDir, key)).toEqual([]);
    }
    // Closed, SQLite's WAL is folded into the database file: look again.
    await core.close();
    for (const key of KEYS) expect(filesContaining(dataDir, key)).toEqual([]);
  });
});
