import { z } from 'zod';
import { AssayError } from '../../shared/errors';
import { isBlobRef, type BlobRef, type BlobStore } from '../blobs/blob-store';
import { deflatePayload, inflatePayload } from './payload-codec';
import type { SpanRecord } from './span-record';

/**
 * A span payload kept in object storage: the row's `request_json` holds this stub (with
 * `response_json` and `payload_z` NULL), the blob holds the deflated request and answer
 * (payload-codec.ts). `bytes` is the payload's size before compression, for display.
 */
export interface PayloadStub {
  readonly ref: BlobRef;
  readonly bytes: number;
}

export interface SpanPayloadText {
  readonly requestJson: string;
  readonly responseJson: string | null;
}

const STUB_PREFIX = '{"$blob":"sha256:';

const stubSchema = z
  .object({
    $blob: z.string().refine(isBlobRef),
    bytes: z.number().int().nonnegative(),
  })
  .strict();

export function stubJson(stub: PayloadStub): string {
  return JSON.stringify({ $blob: stub.ref, bytes: stub.bytes });
}

/**
 * The stub a stored row holds, or null for a payload stored in the row. No span a writer makes
 * has a request of this shape (LLM requests carry provider and model, others `{ "input": … }`),
 * and only a row with nothing else stored is read as a stub.
 */
export function payloadStubOf(row: {
  readonly request_json: string | null;
  readonly response_json: string | null;
  readonly payload_z: Uint8Array | null;
}): PayloadStub | null {
  const text = row.request_json;
  if (text === null || row.response_json !== null || row.payload_z !== null) return null;
  if (!text.startsWith(STUB_PREFIX)) return null;
  const parsed = stubSchema.safeParse(JSON.parse(text));
  return parsed.success ? { ref: parsed.data.$blob as BlobRef, bytes: parsed.data.bytes } : null;
}

/** Spans stored at once whose payloads go to object storage, by span id. */
export type PayloadStubs = ReadonlyMap<string, PayloadStub>;

/** How many payload uploads or downloads of one batch run at once. */
const PARALLEL = 4;

async function eachLimited<T>(items: readonly T[], work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(PARALLEL, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/**
 * Span payloads above a size on the team server go to object storage, so the span table keeps
 * rows of a few hundred bytes whatever apps log. The blob is written (and confirmed) before the
 * row that points to it, so a row never points to a missing object; a read checks the blob's
 * hash (BlobStore.get) and fails with a code naming the span and the ref rather than returning
 * other bytes.
 */
export class SpanPayloadBlobs {
  constructor(
    private readonly blobs: BlobStore,
    private readonly thresholdBytes: number,
  ) {}

  /** Uploads the payloads above the threshold; the stubs to store in their rows. */
  async offload(spans: readonly SpanRecord[]): Promise<PayloadStubs> {
    const stubs = new Map<string, PayloadStub>();
    const large = spans
      .map((span) => ({ span, bytes: payloadBytes(span) }))
      .filter((entry) => entry.bytes > this.thresholdBytes);
    await eachLimited(large, async ({ span, bytes }) => {
      const ref = await this.blobs.put(deflatePayload(span.requestJson, span.responseJson));
      stubs.set(span.id, { ref, bytes });
    });
    return stubs;
  }

  /** The payloads of stored stubs, by span id (the rows of one read). */
  async load(
    wanted: readonly { spanId: string; stub: PayloadStub }[],
  ): Promise<Map<string, SpanPayloadText>> {
    const out = new Map<string, SpanPayloadText>();
    await eachLimited(wanted, async ({ spanId, stub }) => {
      out.set(spanId, await this.loadOne(spanId, stub));
    });
    return out;
  }

  private async loadOne(spanId: string, stub: PayloadStub): Promise<SpanPayloadText> {
    const bytes = await this.blobs.get(stub.ref).catch((err: unknown) => {
      if (err instanceof AssayError && err.code === 'NOT_FOUND')
        throw new AssayError(
          'STORE_UNAVAILABLE',
          `span ${spanId}: its payload ${stub.ref} is missing from ${this.blobs.location}`,
          { spanId, ref: stub.ref },
        );
      if (err instanceof AssayError)
        throw new AssayError(err.code, `span ${spanId}: ${err.message}`, {
          spanId,
          ref: stub.ref,
        });
      throw err;
    });
    return inflatePayload(bytes);
  }
}

/** A payload's size as stored in a row: its request and answer in UTF-8. */
function payloadBytes(span: SpanRecord): number {
  return (
    Buffer.byteLength(span.requestJson, 'utf8') +
    (span.responseJson === null ? 0 : Buffer.byteLength(span.responseJson, 'utf8'))
  );
}

/** Read without a blob store (a team database opened without --s3): a coded error, not a stub. */
export function payloadWithoutBlobs(spanId: string, stub: PayloadStub): AssayError {
  return new AssayError(
    'CONFIG_INVALID',
    `span ${spanId}: its payload is in object storage (${stub.ref}) but no S3 is configured: start with --s3 (or ASSAY_S3_ENDPOINT)`,
    { spanId, ref: stub.ref },
  );
}
