import { randomBytes } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssayError } from '../../shared/errors';
import { startS3Server, type S3TestServer } from '../../test/support/s3-server';
import { blobKeyOf, blobRefOf, type BlobRef } from './blob-store';
import { S3BlobStore } from './s3-blob-store';

let s3: S3TestServer;
let store: S3BlobStore;

beforeAll(async () => {
  s3 = await startS3Server();
  store = await S3BlobStore.open(s3.options('blobs'));
});

afterAll(async () => {
  store.close();
  await s3.close();
});

async function codeOf(work: Promise<unknown>): Promise<AssayError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AssayError);
  return err as AssayError;
}

/** Puts bytes under a key directly, as a corrupted or tampered bucket would hold them. */
async function overwrite(ref: BlobRef, bytes: Uint8Array): Promise<void> {
  const options = s3.options('blobs');
  const raw = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  await raw.send(new PutObjectCommand({ Bucket: 'blobs', Key: blobKeyOf(ref), Body: bytes }));
  raw.destroy();
}

describe('S3BlobStore on s3rver', () => {
  it('round-trips 0 bytes and 20 MB, keyed by their sha256', async () => {
    for (const bytes of [new Uint8Array(0), randomBytes(20 * 1024 * 1024)]) {
      const ref = await store.put(bytes);
      expect(ref).toBe(blobRefOf(bytes));
      expect(await store.has(ref)).toBe(true);
      expect(Buffer.from(await store.get(ref)).equals(Buffer.from(bytes))).toBe(true);
    }
    expect(blobRefOf(new Uint8Array(0))).toBe(
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  }, 60_000);

  it('stores the same content once: the second put looks and uploads nothing', async () => {
    const bytes = randomBytes(5000);
    const key = `/blobs/${blobKeyOf(blobRefOf(bytes))}`;
    const before = s3.requests.length;
    const first = await store.put(bytes);
    const second = await store.put(Buffer.from(bytes));
    expect(second).toBe(first);
    const seen = s3.requests.slice(before);
    expect(seen.filter((r) => r === `PUT ${key}`)).toHaveLength(1);
    expect(seen.filter((r) => r === `HEAD ${key}`)).toHaveLength(2);
  });

  it('refuses bytes that do not hash to the ref, naming it', async () => {
    const bytes = Buffer.from('the real payload');
    const ref = await store.put(bytes);
    await overwrite(ref, Buffer.from('something else'));
    const err = await codeOf(store.get(ref));
    expect(err.code).toBe('STORE_UNAVAILABLE');
    expect(err.message).toContain(ref);
    expect(err.message).toContain('corrupt');
  });

  it('names a missing ref with NOT_FOUND', async () => {
    const ref = blobRefOf(Buffer.from('never stored'));
    expect(await store.has(ref)).toBe(false);
    const err = await codeOf(store.get(ref));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain(ref);
  });

  it('creates a missing bucket at open, and a second open finds it', async () => {
    const options = s3.options();
    const first = await S3BlobStore.open(options);
    const ref = await first.put(Buffer.from('x'));
    first.close();
    const second = await S3BlobStore.open(options);
    expect(await second.has(ref)).toBe(true);
    second.close();
  });

  it('refuses wrong credentials at open without quoting the secret', async () => {
    const secret = 'not-the-secret-9f8e7d';
    const err = await codeOf(
      S3BlobStore.open({ ...s3.options(), accessKeyId: 'WRONG', secretAccessKey: secret }),
    );
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain(s3.options('b').endpoint);
    expect(JSON.stringify(err.toPayload())).not.toContain(secret);
  });

  it('reports an unreachable endpoint as STORE_UNAVAILABLE naming endpoint and bucket', async () => {
    const secret = 'unreachable-secret-1234';
    const err = await codeOf(
      S3BlobStore.open({
        endpoint: 'http://127.0.0.1:1',
        bucket: 'nowhere',
        region: 'us-east-1',
        accessKeyId: 'K',
        secretAccessKey: secret,
      }),
    );
    expect(err.code).toBe('STORE_UNAVAILABLE');
    expect(err.message).toContain('http://127.0.0.1:1/nowhere');
    expect(JSON.stringify(err.toPayload())).not.toContain(secret);
  });

  it('put then get is the identity, and the key is the content hash (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        const ref = await store.put(bytes);
        expect(ref).toBe(blobRefOf(bytes));
        expect(s3.requests).toContain(`HEAD /blobs/${blobKeyOf(ref)}`);
        expect(Buffer.from(await store.get(ref)).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
