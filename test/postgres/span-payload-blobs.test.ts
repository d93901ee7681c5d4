import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { S3Options } from '../../main/team/team-options';
import { blobKeyOf, blobRefOf, type BlobRef } from '../../main/blobs/blob-store';
import type { Store } from '../../main/store/store';
import { deflatePayload } from '../../main/tracing/payload-codec';
import { payloadStubOf } from '../../main/tracing/span-payload-blobs';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { startS3Server, type S3TestServer } from '../support/s3-server';
import { spanFixture } from '../support/span-fixture';
import { createTestDatabase } from '../support/test-database';
import { adminContext, openTeamCore } from '../support/team-core';
import type { CallContext } from '../../main/api/dispatcher';
import type { Core } from '../../main/app/create-core';
import { openStore } from '../../main/store/open-store';

// A team server on PostgreSQL with s3rver as its bucket: large span payloads live in S3, rows
// hold references, and every read path gets the payload back as it was logged.
const THRESHOLD = 4096;
let s3: S3TestServer;
let openai: FakeServer;
let s3Options: S3Options;
let databaseUrl: string;
let core: Core;
let db: Store;

let admin: CallContext;

function openCore(s3: S3Options | undefined) {
  return openTeamCore({
    databaseUrl,
    s3,
    blobThresholdBytes: THRESHOLD,
    env: { OPENAI_BASE_URL: `${openai.url}/v1`, OPENAI_API_KEY: 'sk-blobs-test-000000000' },
  });
}

beforeAll(async () => {
  s3 = await startS3Server();
  openai = await startOpenAiFake();
  s3Options = s3.options();
  databaseUrl = await createTestDatabase();
  core = await openCore(s3Options);
  // The team core guards every channel: calls come from the first admin (any core on this database).
  admin = await adminContext(core);
  db = await openStore({ kind: 'postgres', url: databaseUrl, poolSize: 2 });
});

afterAll(async () => {
  await db.close();
  await core.close();
  await openai.close();
  await s3.close();
});

async function call<C extends Channel>(channel: C, input: ChannelInput<C>) {
  const result = await core.dispatcher.dispatch(channel, input, admin);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data as ChannelOutput<C>;
}

async function rowOf(spanId: string) {
  return db.db
    .selectFrom('span')
    .select(['id', 'request_json', 'response_json', 'payload_z'])
    .where('id', '=', spanId)
    .executeTakeFirstOrThrow();
}

function bigText(bytes: number, seed: string): string {
  let text = '';
  for (let i = 0; text.length < bytes; i++) text += `${seed} line ${i}: ${'é'.repeat(i % 7)}\n`;
  return text;
}

function putsOf(ref: BlobRef): number {
  return s3.requests.filter((r) => r === `PUT /${s3Options.bucket}/${blobKeyOf(ref)}`).length;
}

describe('span payloads in object storage (team mode, PostgreSQL, s3rver)', () => {
  it('keeps a large ingested payload in S3, the row holding only its reference', async () => {
    const span = spanFixture({
      source: 'gateway',
      requestJson: JSON.stringify({ messages: [{ role: 'user', content: bigText(200_000, 'q') }] }),
      responseJson: JSON.stringify({ text: bigText(50_000, 'a') }),
    });
    await core.services.tracing.ingest([span], 'gateway', 'test');
    const row = await rowOf(span.id);
    const stub = payloadStubOf(row);
    expect(stub).not.toBeNull();
    expect(row.request_json!.length).toBeLessThan(200);
    expect(row.response_json).toBeNull();
    expect(row.payload_z).toBeNull();
    expect(stub!.ref).toBe(blobRefOf(deflatePayload(span.requestJson, span.responseJson)));
    expect(putsOf(stub!.ref)).toBe(1);

    const { spans } = await call('traces.get', { id: span.traceId });
    expect(spans).toHaveLength(1);
    const again = await core.services.tracing.span(span.id);
    expect(again!.requestJson).toBe(span.requestJson);
    expect(again!.responseJson).toBe(span.responseJson);
    const direct = await call('spans.get', { id: span.id });
    expect(JSON.stringify(direct)).toBe(JSON.stringify(spans[0]));
  });

  it('keeps a payload at or under the threshold in the row', async () => {
    const span = spanFixture({
      requestJson: JSON.stringify({ input: 'x'.repeat(THRESHOLD - 40) }),
    });
    await core.services.tracing.ingest([span], 'api', 'test');
    const row = await rowOf(span.id);
    expect(payloadStubOf(row)).toBeNull();
    expect((await core.services.tracing.span(span.id))!.requestJson).toBe(span.requestJson);
  });

  it('stores the same payload once however many spans carry it', async () => {
    const payload = { requestJson: JSON.stringify({ input: bigText(30_000, 'same') }) };
    const spans = [spanFixture(payload), spanFixture(payload), spanFixture(payload)];
    await core.services.tracing.ingest(spans.slice(0, 2), 'api', 'test');
    await core.services.tracing.ingest(spans.slice(2), 'api', 'test');
    const refs = new Set(
      await Promise.all(spans.map(async (s) => payloadStubOf(await rowOf(s.id))!.ref)),
    );
    expect(refs.size).toBe(1);
    expect(putsOf([...refs][0]!)).toBe(1);
  });

  it('offloads a call-path span, and a rerun reads its request back from S3', async () => {
    const question = bigText(20_000, 'call');
    const original = await call('llm.call', {
      provider: 'openai',
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: question }],
    });
    expect(payloadStubOf(await rowOf(original.spanId))).not.toBeNull();
    const sent = openai.requests.length;
    const { rerun } = await call('spans.rerun', { spanId: original.spanId });
    expect(openai.requests.length).toBe(sent + 1);
    const body = openai.requests.at(-1)!.body as { messages: { content: string }[] };
    expect(body.messages[0]!.content).toBe(question);
    expect(payloadStubOf(await rowOf(rerun.id))).not.toBeNull();
    const stored = await core.services.tracing.span(original.spanId);
    const request = JSON.parse(stored!.requestJson) as { messages: { content: string }[] };
    expect(request.messages[0]!.content).toBe(question);
  });

  it('fails a read with a code naming the span and ref when the object is gone', async () => {
    const span = spanFixture({ requestJson: JSON.stringify({ input: bigText(10_000, 'gone') }) });
    await core.services.tracing.ingest([span], 'api', 'test');
    const { ref } = payloadStubOf(await rowOf(span.id))!;
    const raw = new S3Client({
      endpoint: s3Options.endpoint,
      region: s3Options.region,
      credentials: s3Options,
      forcePathStyle: true,
    });
    await raw.send(new DeleteObjectCommand({ Bucket: s3Options.bucket, Key: blobKeyOf(ref) }));
    raw.destroy();
    const result = await core.dispatcher.dispatch('traces.get', { id: span.traceId }, admin);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('STORE_UNAVAILABLE');
    expect(result.error.message).toContain(span.id);
    expect(result.error.message).toContain(ref);
  });

  it('refuses to start on wrong S3 credentials, naming the endpoint but not the secret', async () => {
    const secret = 'wrong-secret-5a4b3c2d1e';
    const err = await openCore({ ...s3Options, accessKeyId: 'NOPE', secretAccessKey: secret })
      .then(() => null)
      .catch((e: unknown) => e as Error & { code?: string });
    expect(err?.code).toBe('CONFIG_INVALID');
    expect(err?.message).toContain(s3Options.endpoint);
    expect(err?.message).not.toContain(secret);
  });

  it('says S3 is needed when a core without it reads an offloaded span', async () => {
    const span = spanFixture({ requestJson: JSON.stringify({ input: bigText(10_000, 'no-s3') }) });
    await core.services.tracing.ingest([span], 'api', 'test');
    const plain = await openCore(undefined);
    try {
      const result = await plain.dispatcher.dispatch('spans.get', { id: span.id }, admin);
      expect(result.ok ? null : result.error.code).toBe('CONFIG_INVALID');
    } finally {
      await plain.close();
    }
  });
});
