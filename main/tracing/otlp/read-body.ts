import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { AssayError } from '../../../shared/errors';
import { MAX_BODY_BYTES } from './otlp-limits';

const gunzip = promisify(zlib.gunzip);

function tooLarge(what: string): AssayError {
  return new AssayError(
    'PAYLOAD_TOO_LARGE',
    `/v1/traces: ${what} is over ${MAX_BODY_BYTES} bytes; send smaller batches`,
    { limit: MAX_BODY_BYTES },
  );
}

/** Reads a request body, stopping (413) as soon as it passes the limit instead of buffering it all. */
export async function readLimited(stream: ReadableStream<Uint8Array> | null): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge('the body');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/**
 * The body as sent (`identity`) or gunzipped. zlib stops at maxOutputLength, so a small gzip
 * bomb costs at most the limit in memory and time, not what it would expand to; it runs on
 * the thread pool, off the event loop.
 */
export async function decodeContent(body: Buffer, encoding: string | undefined): Promise<Buffer> {
  const enc = (encoding ?? 'identity').trim().toLowerCase();
  if (enc === '' || enc === 'identity') return body;
  if (enc !== 'gzip' && enc !== 'x-gzip')
    throw new AssayError(
      'UNSUPPORTED_MEDIA_TYPE',
      `/v1/traces: content-encoding "${enc.slice(0, 32)}" is not supported (send gzip or none)`,
      { field: 'content-encoding' },
    );
  try {
    return await gunzip(body, { maxOutputLength: MAX_BODY_BYTES });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
      throw tooLarge('the decompressed body');
    throw new AssayError(
      'MALFORMED_REQUEST',
      `/v1/traces: the body is not valid gzip: ${(err as Error).message.slice(0, 200)}`,
      { field: 'content-encoding' },
    );
  }
}
