import { AssayError } from '../../shared/errors';
import { blobRefOf, verifyBlob, type BlobRef, type BlobStore } from './blob-store';

/**
 * Blobs in this process's memory: tests of what stores blobs (without an S3 server), and a
 * stand-in for code that needs a BlobStore before one is configured. Copies in and out, so a
 * caller changing its buffer later cannot change a stored blob.
 */
export class MemoryBlobStore implements BlobStore {
  readonly location = 'memory';
  readonly objects = new Map<BlobRef, Uint8Array>();
  puts = 0;

  put(bytes: Uint8Array): Promise<BlobRef> {
    const ref = blobRefOf(bytes);
    if (!this.objects.has(ref)) {
      this.objects.set(ref, Uint8Array.from(bytes));
      this.puts++;
    }
    return Promise.resolve(ref);
  }

  get(ref: BlobRef): Promise<Uint8Array> {
    const bytes = this.objects.get(ref);
    if (!bytes)
      return Promise.reject(new AssayError('NOT_FOUND', `blob ${ref} is missing from memory`));
    try {
      return Promise.resolve(Uint8Array.from(verifyBlob(ref, bytes, this.location)));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  has(ref: BlobRef): Promise<boolean> {
    return Promise.resolve(this.objects.has(ref));
  }

  close(): void {}
}
