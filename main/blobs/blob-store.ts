import { createHash } from 'node:crypto';
import { AssayError } from '../../shared/errors';

/** A stored object's name: `sha256:` and the lowercase hex digest of its bytes. */
export type BlobRef = `sha256:${string}`;

const REF_PATTERN = /^sha256:[0-9a-f]{64}$/;

/**
 * Content-addressed, write-once bytes (object storage on the team server). A ref names exactly
 * one content, so putting the same bytes twice stores them once, and a reader can check what it
 * got: `get` never returns bytes whose hash is not the ref.
 */
export interface BlobStore {
  /** Stores the bytes (unless already stored) and resolves once they are durable. */
  put(bytes: Uint8Array): Promise<BlobRef>;
  /** The bytes of a ref, verified; NOT_FOUND when missing, STORE_UNAVAILABLE when corrupt. */
  get(ref: BlobRef): Promise<Uint8Array>;
  has(ref: BlobRef): Promise<boolean>;
  /** Where the blobs live, for messages (endpoint and bucket; never a credential). */
  readonly location: string;
  close(): void;
}

export function blobRefOf(bytes: Uint8Array): BlobRef {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export function isBlobRef(value: string): value is BlobRef {
  return REF_PATTERN.test(value);
}

/** Parses an untrusted ref (a URL segment, a stored stub), naming the field when it is not one. */
export function parseBlobRef(value: string, field: string): BlobRef {
  const ref = value.startsWith('sha256:') ? value : `sha256:${value}`;
  if (!isBlobRef(ref))
    throw new AssayError(
      'VALIDATION_FAILED',
      `${field}: not a blob reference (sha256: and 64 lowercase hex digits)`,
      { field },
    );
  return ref;
}

/** The object key of a ref: `sha256/ab/cd/<hex>` (two levels keep listings short). */
export function blobKeyOf(ref: BlobRef): string {
  const hex = ref.slice('sha256:'.length);
  return `sha256/${hex.slice(0, 2)}/${hex.slice(2, 4)}/${hex}`;
}

/** Throws unless the bytes read back are the ones the ref names (a corrupt or swapped object). */
export function verifyBlob(ref: BlobRef, bytes: Uint8Array, location: string): Uint8Array {
  const actual = blobRefOf(bytes);
  if (actual !== ref)
    throw new AssayError(
      'STORE_UNAVAILABLE',
      `blob ${ref} in ${location} is corrupt: its ${bytes.byteLength} bytes hash to ${actual}`,
      { ref, actual },
    );
  return bytes;
}
