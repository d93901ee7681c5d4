import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { Core } from '../../main/app/create-core';
import { blobKeyOf, blobRefOf, type BlobRef } from '../../main/blobs/blob-store';
import { createHttpApp } from '../../main/server/http-app';
import { startS3Server, type S3TestServer } from '../support/s3-server';
import { adminContext, openTeamCore } from '../support/team-core';
import type { CallContext } from '../../main/api/dispatcher';
import { createTestDatabase } from '../support/test-database';

// A team server keeps a dataset's imported file and its exports in S3 by sha256, records them
// on the dataset, and serves them back at GET /api/blobs/<sha256>.
let s3: S3TestServer;
let core: Core;
let bucket: string;

beforeAll(async () => {
  s3 = await startS3Server();
  const options = s3.options();
  bucket = options.bucket;
  core = await openTeamCore({ databaseUrl: await createTestDatabase(), s3: options });
});

afterAll(async () => {
  await core.close();
  await s3.close();
});

/** Each team core's first admin (its own database), made on first use. */
const admins = new Map<Core, Promise<CallContext>>();
function adminOf(c: Core): Promise<CallContext> {
  let ctx = admins.get(c);
  if (!ctx) admins.set(c, (ctx = adminContext(c)));
  return ctx;
}

async function call<C extends Channel>(c: Core, channel: C, input: ChannelInput<C>) {
  const result = await c.dispatcher.dispatch(channel, input, await adminOf(c));
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data as ChannelOutput<C>;
}

function putsOf(ref: string): number {
  return s3.requests.filter((r) => r === `PUT /${bucket}/${blobKeyOf(ref as BlobRef)}`).length;
}

const CSV = 'input,expected\nwhat is 2+2,4\ncapital of France,Paris\n';

function app() {
  return createHttpApp({
    dispatcher: core.dispatcher,
    events: core.events,
    blobs: core.blobs,
    port: () => 0,
    loopbackOnly: false,
  });
}

describe('dataset files as blobs (team mode, PostgreSQL, s3rver)', () => {
  it('keeps the imported file once, records each import, and serves its bytes back', async () => {
    const first = await call(core, 'datasets.import', {
      name: 'math',
      fileName: 'math.csv',
      format: 'csv',
      content: CSV,
    });
    const ref = blobRefOf(Buffer.from(CSV, 'utf8'));
    expect(first.source).toEqual({ ref, bytes: Buffer.byteLength(CSV) });
    const again = await call(core, 'datasets.import', {
      name: 'math',
      fileName: 'math-again.csv',
      format: 'csv',
      content: CSV,
      mode: 'append',
    });
    expect(again.source?.ref).toBe(ref);
    expect(putsOf(ref)).toBe(1);
    const { files } = await call(core, 'datasets.files', { name: 'math' });
    expect(files.map((f) => [f.kind, f.fileName, f.format, f.ref])).toEqual([
      ['import', 'math-again.csv', 'csv', ref],
      ['import', 'math.csv', 'csv', ref],
    ]);

    const res = await app().request(`/api/blobs/${ref.slice('sha256:'.length)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(await res.text()).toBe(CSV);
  });

  it('keeps no file of an import it refused', async () => {
    const bad = 'input,expected\n"unterminated,4\n';
    const result = await core.dispatcher.dispatch(
      'datasets.import',
      { name: 'broken', format: 'csv', content: bad },
      await adminOf(core),
    );
    expect(result.ok).toBe(false);
    expect(putsOf(blobRefOf(Buffer.from(bad)))).toBe(0);
  });

  it('keeps an export by hash, returns its ref and records it', async () => {
    await call(core, 'datasets.import', { name: 'geo', format: 'csv', content: CSV });
    const out = await call(core, 'datasets.export', { name: 'geo', format: 'jsonl' });
    expect(out.file).toEqual({
      ref: blobRefOf(Buffer.from(out.content, 'utf8')),
      bytes: Buffer.byteLength(out.content),
    });
    const { files } = await call(core, 'datasets.files', { name: 'geo' });
    expect(files[0]).toMatchObject({ kind: 'export', format: 'jsonl', fileName: 'geo.jsonl' });
    const res = await app().request(`/api/blobs/${out.file!.ref}`);
    expect(await res.text()).toBe(out.content);
  });

  it('answers a malformed ref with VALIDATION_FAILED and an unknown one with NOT_FOUND', async () => {
    const bad = await app().request('/api/blobs/not-a-hash');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe(
      'VALIDATION_FAILED',
    );
    const missing = await app().request(`/api/blobs/${'0'.repeat(64)}`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain(
      `sha256:${'0'.repeat(64)}`,
    );
  });

  it('keeps nothing without S3: no source, no files', async () => {
    const plain = await openTeamCore({ databaseUrl: await createTestDatabase() });
    try {
      const out = await call(plain, 'datasets.import', {
        name: 'local',
        format: 'csv',
        content: CSV,
      });
      expect(out.source).toBeUndefined();
      expect((await call(plain, 'datasets.export', { name: 'local' })).file).toBeUndefined();
      expect((await call(plain, 'datasets.files', { name: 'local' })).files).toEqual([]);
      const res = await createHttpApp({
        dispatcher: plain.dispatcher,
        events: plain.events,
        port: () => 0,
        loopbackOnly: false,
      }).request(`/api/blobs/${'0'.repeat(64)}`);
      expect(res.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
