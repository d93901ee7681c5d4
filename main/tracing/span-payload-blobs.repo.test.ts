import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssayError } from '../../shared/errors';
import { spanFixture } from '../../test/support/span-fixture';
import { openTestStore } from '../../test/support/test-database';
import { MemoryBlobStore } from '../blobs/memory-blob-store';
import type { Store } from '../store/store';
import { payloadStubOf, SpanPayloadBlobs } from './span-payload-blobs';
import { SpanRepository } from './span-repository';
import { inThreadSpanWriter } from './span-writer/span-writer';
import { TraceRepository } from './trace-repository';

const THRESHOLD = 2048;
let store: Store;
let blobs: MemoryBlobStore;
let payloads: SpanPayloadBlobs;
let spans: SpanRepository;

beforeAll(async () => {
  store = await openTestStore();
  blobs = new MemoryBlobStore();
  payloads = new SpanPayloadBlobs(blobs, THRESHOLD);
  spans = new SpanRepository(store.db, store.dialect, payloads);
});

afterAll(async () => {
  await store.close();
});

async function rowOf(id: string) {
  return store.db
    .selectFrom('span')
    .select(['id', 'request_json', 'response_json', 'payload_z'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** A span whose request and answer are `bytes` long together in UTF-8. */
function spanOfBytes(bytes: number) {
  const responseJson = '{"text":"ok"}';
  const filler = bytes - responseJson.length - '{"input":""}'.length;
  return spanFixture({ requestJson: JSON.stringify({ input: 'x'.repeat(filler) }), responseJson });
}

describe('span payloads kept as blobs', () => {
  it('keeps a payload of exactly the threshold in the row and offloads one byte more', async () => {
    const at = spanOfBytes(THRESHOLD);
    const over = spanOfBytes(THRESHOLD + 1);
    await inThreadSpanWriter(store, payloads).write([at, over]);
    expect(payloadStubOf(await rowOf(at.id))).toBeNull();
    const stub = payloadStubOf(await rowOf(over.id));
    expect(stub).toMatchObject({ bytes: THRESHOLD + 1 });
    expect(blobs.objects.has(stub!.ref)).toBe(true);
    expect(await spans.byTrace(over.traceId)).toEqual([over]);
    expect(await spans.get(at.id)).toEqual(at);
  });

  it('finds the full text of an offloaded payload in search (indexed before it left)', async () => {
    const word = `needle${Date.now()}`;
    const span = spanFixture({
      requestJson: JSON.stringify({ input: `${'filler '.repeat(400)} ${word}` }),
    });
    await inThreadSpanWriter(store, payloads).write([span]);
    expect(payloadStubOf(await rowOf(span.id))).not.toBeNull();
    const page = await new TraceRepository(store.db, store.dialect).list({
      filter: { search: word },
      sort: 'time',
      order: 'desc',
      offset: 0,
      limit: 10,
    });
    expect(page.items.map((t) => t.id)).toEqual([span.traceId]);
  });

  it('reads a lookalike request (extra keys) as the request it is, not as a stub', async () => {
    const lookalike = spanFixture({
      requestJson: JSON.stringify({ $blob: `sha256:${'a'.repeat(64)}`, bytes: 3, input: 'x' }),
      responseJson: null,
    });
    await spans.insert(lookalike);
    expect(payloadStubOf(await rowOf(lookalike.id))).toBeNull();
    expect(await spans.get(lookalike.id)).toEqual(lookalike);
  });

  it('fails a read of a corrupt blob with a code naming the span and the ref', async () => {
    const span = spanOfBytes(THRESHOLD * 3);
    await inThreadSpanWriter(store, payloads).write([span]);
    const { ref } = payloadStubOf(await rowOf(span.id))!;
    blobs.objects.set(ref, Buffer.from('tampered'));
    const err = await spans.get(span.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssayError);
    expect((err as AssayError).code).toBe('STORE_UNAVAILABLE');
    expect((err as AssayError).message).toContain(span.id);
    expect((err as AssayError).message).toContain(ref);
  });

  it('writes no row when the upload fails (a row never points to a missing object)', async () => {
    const failing = new SpanPayloadBlobs(
      {
        ...blobs,
        location: 'down',
        put: () => Promise.reject(new AssayError('STORE_UNAVAILABLE', 'S3 is down')),
        get: (ref) => blobs.get(ref),
        has: (ref) => blobs.has(ref),
        close: () => undefined,
      },
      THRESHOLD,
    );
    const span = spanOfBytes(THRESHOLD * 2);
    await expect(inThreadSpanWriter(store, failing).write([span])).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
    expect(await spans.exists(span.id)).toBe(false);
  });
});
