import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson } from '../support/parse-json';
import { coreCall } from '../support/core-call';
import { filesContaining } from '../support/temp-dir';
import { openTestStoreFor, TEST_DIALECT } from '../support/test-database';
import {
  STORED_OPENAI_KEY,
  spanCount,
  startGatewayHarness,
  waitForSpan,
  type GatewayHarness,
} from './gateway-harness';

const CLIENT_KEY = 'sk-client-tagging-0123456789abcdef';
let h: GatewayHarness;
let client: OpenAI;

beforeAll(async () => {
  h = await startGatewayHarness({ streamGapMs: 25 });
  client = new OpenAI({
    baseURL: `${h.server.url}/gateway/openai/v1`,
    apiKey: CLIENT_KEY,
    maxRetries: 0,
  });
});
afterAll(() => h.close());

const chat = (content: string) => ({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user' as const, content }],
});

describe('gateway: tagging headers, trace context and secrets', () => {
  it('puts session, user, tags, prompt version and traceparent on the span and its trace', async () => {
    await coreCall(h.core, 'prompts.create', {
      name: 'support-reply',
      kind: 'text',
      content: { text: 'Answer {{question}}' },
    });
    const version = await h.core.services.prompts.resolveRef('support-reply@latest');
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parent = '00f067aa0ba902b7';
    const { response } = await client.chat.completions
      .create(chat('tagged call'), {
        headers: {
          'x-assay-session': 'sess-42',
          'x-assay-user': 'user-7',
          'x-assay-tags': 'prod, checkout ,prod',
          'x-assay-prompt': 'support-reply@latest',
          traceparent: `00-${traceId}-${parent}-01`,
        },
      })
      .withResponse();
    expect(response.headers.get('x-assay-trace-id')).toBe(traceId);
    expect(response.headers.get('x-assay-warning')).toBeNull();
    // traceparent goes on upstream (it is the app's trace); x-assay-* does not.
    const sent = h.openai.requests.at(-1)!;
    expect(sent.headers.traceparent).toBe(`00-${traceId}-${parent}-01`);
    expect(sent.headers['x-assay-session']).toBeUndefined();
    const span = await waitForSpan(h.core, response.headers.get('x-assay-span-id')!);
    expect(span).toMatchObject({
      traceId,
      parentId: parent,
      sessionId: 'sess-42',
      userId: 'user-7',
      tags: ['prod', 'checkout'],
      promptVersionId: version.versionId,
    });
    const trace = await h.core.services.tracing.get(traceId);
    expect(trace.trace).toMatchObject({
      sessionId: 'sess-42',
      userId: 'user-7',
      source: 'gateway',
    });
    expect(trace.spans.map((s) => s.id)).toContain(span.id);
    const listed = await h.core.services.tracing.list({
      filter: { sessionId: 'sess-42', tags: ['checkout'] },
      sort: 'time',
      order: 'desc',
      offset: 0,
      limit: 10,
    });
    expect(listed.items.map((t) => t.id)).toEqual([traceId]);
  });

  it('ignores an invalid traceparent, starts a new trace and says so', async () => {
    const { response } = await client.chat.completions
      .create(chat('bad parent'), {
        headers: { traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' },
      })
      .withResponse();
    expect(response.headers.get('x-assay-warning')).toContain('traceparent ignored');
    const span = await waitForSpan(h.core, response.headers.get('x-assay-span-id')!);
    expect(span.parentId).toBeNull();
    expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(span.traceId).not.toBe('0'.repeat(32));
  });

  it('refuses an unknown prompt or a bad tag with a coded 400 and forwards nothing', async () => {
    const before = h.openai.requests.length;
    const spans = await spanCount(h.core);
    const refused: Record<string, string>[] = [
      { 'x-assay-prompt': 'nope@production' },
      { 'x-assay-tags': 'a,' + 'x'.repeat(80) },
    ];
    for (const headers of refused) {
      const res = await fetch(`${h.server.url}/gateway/openai/v1/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${CLIENT_KEY}`,
          ...headers,
        },
        body: JSON.stringify(chat('never sent')),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as {
        ok: boolean;
        error: { code: string; message: string; type: string };
      };
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.type).toBe('invalid_request_error');
      expect(body.error.message).toMatch(/x-assay-(prompt|tags)/);
    }
    // The SDK surfaces the message.
    await expect(
      client.chat.completions.create(chat('x'), { headers: { 'x-assay-prompt': 'nope@v9.9' } }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('x-assay-prompt') });
    expect(h.openai.requests.length).toBe(before);
    expect(await spanCount(h.core)).toBe(spans);
  });

  it('never stores a key: the client key, the stored key, keys pasted in prompts', async () => {
    const { response } = await client.chat.completions
      .create(chat(`my keys are ${CLIENT_KEY} and ${STORED_OPENAI_KEY}`))
      .withResponse();
    const span = await waitForSpan(h.core, response.headers.get('x-assay-span-id')!);
    const detail = JSON.stringify(await h.core.services.tracing.get(span.traceId));
    expect(detail).toContain('[REDACTED]');
    for (const key of [CLIENT_KEY, STORED_OPENAI_KEY]) {
      expect(JSON.stringify(span)).not.toContain(key);
      expect(detail).not.toContain(key);
    }
    // The data directory (SQLite database and WAL, settings, logs) holds the client's key nowhere;
    // the stored key lives only in the environment here.
    expect(filesContaining(h.dataDir, CLIENT_KEY)).toEqual([]);
    if (TEST_DIALECT === 'postgres') {
      const store = await openTestStoreFor(h.dataDir);
      try {
        const rows = await store.db.selectFrom('span').selectAll().execute();
        const text = JSON.stringify(rows, (_k, v: unknown) =>
          Buffer.isBuffer(v) || v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
        );
        expect(text).not.toContain(CLIENT_KEY);
      } finally {
        await store.close();
      }
    }
  });

  it('records a client that hangs up mid-stream as an aborted span', async () => {
    const controller = new AbortController();
    const { data: stream, response } = await client.chat.completions
      .create(
        {
          ...chat(Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')),
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal: controller.signal },
      )
      .withResponse();
    let seen = 0;
    try {
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content) seen++;
        if (seen === 2) controller.abort();
      }
    } catch {
      // The SDK may end the iteration quietly or throw on abort; either is a hang-up.
    }
    expect(seen).toBe(2);
    const span = await waitForSpan(h.core, response.headers.get('x-assay-span-id')!);
    expect(span).toMatchObject({ status: 'error', errorClass: 'aborted' });
    const answer = parseJson(z.object({ text: z.string() }), span.responseJson!, 'responseJson');
    expect(answer.text.startsWith('Echo: word0')).toBe(true);
    expect(answer.text.length).toBeLessThan(100);
    // The server is still serving.
    expect(
      (await client.chat.completions.create(chat('still up'))).choices[0]!.message.content,
    ).toBe('Echo: still up');
  });
});
