import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { AssayError } from '../../shared/errors';
import type { S3Options } from '../team/team-options';
import { blobKeyOf, blobRefOf, verifyBlob, type BlobRef, type BlobStore } from './blob-store';
import { s3Failure, s3StatusOf } from './s3-errors';

/** A connection that cannot open in this long is an unreachable endpoint, not a slow one. */
const CONNECT_TIMEOUT_MS = 5_000;
/** Generous: a 20 MB payload over a slow link still completes. */
const REQUEST_TIMEOUT_MS = 120_000;

/**
 * Blobs in an S3-compatible bucket (MinIO in the compose stack, s3rver in tests), one object
 * per sha256 under `sha256/ab/cd/<hex>`. Objects are written once: a put looks first and skips
 * the upload when the object is there (the same file imported twice costs one HEAD).
 */
export class S3BlobStore implements BlobStore {
  readonly location: string;
  /** Puts in progress by ref: the same content put twice at once is uploaded once. */
  private readonly inFlight = new Map<BlobRef, Promise<BlobRef>>();

  private constructor(
    private readonly client: S3Client,
    private readonly options: S3Options,
  ) {
    this.location = `${options.endpoint}/${options.bucket}`;
  }

  /**
   * Connects, and creates the bucket when it is missing: a wrong endpoint or key fails here, at
   * start, with a coded error naming the endpoint and bucket (never the secret), not at the
   * first large span.
   */
  static async open(options: S3Options): Promise<S3BlobStore> {
    const client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // MinIO and s3rver serve buckets as paths, not as subdomains.
      forcePathStyle: true,
      // Checksums the SDK adds by default corrupt streamed uploads on s3rver (STACK-NOTES);
      // integrity is checked end to end by the sha256 of every read instead.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      requestHandler: new NodeHttpHandler({
        connectionTimeout: CONNECT_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
      }),
    });
    const store = new S3BlobStore(client, options);
    try {
      await store.ensureBucket();
    } catch (err) {
      client.destroy();
      throw err;
    }
    return store;
  }

  private async ensureBucket(): Promise<void> {
    const Bucket = this.options.bucket;
    try {
      await this.client.send(new HeadBucketCommand({ Bucket }));
      return;
    } catch (err) {
      if (s3StatusOf(err) !== 404) throw this.failure('open the bucket', err);
    }
    try {
      await this.client.send(new CreateBucketCommand({ Bucket }));
    } catch (err) {
      // Another server process of the stack created it first.
      const name = err instanceof Error ? err.name : '';
      if (name === 'BucketAlreadyOwnedByYou' || name === 'BucketAlreadyExists') return;
      throw this.failure('create the bucket', err);
    }
  }

  put(bytes: Uint8Array): Promise<BlobRef> {
    const ref = blobRefOf(bytes);
    const pending = this.inFlight.get(ref);
    if (pending) return pending;
    const put = this.putOnce(ref, bytes).finally(() => this.inFlight.delete(ref));
    this.inFlight.set(ref, put);
    return put;
  }

  /**
   * HEAD, then PUT when missing. Two server processes may both upload one new content at the
   * same moment: the bytes are the same, so the second write changes nothing.
   */
  private async putOnce(ref: BlobRef, bytes: Uint8Array): Promise<BlobRef> {
    if (await this.has(ref)) return ref;
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: blobKeyOf(ref),
          Body: bytes,
          ContentLength: bytes.byteLength,
          ContentType: 'application/octet-stream',
        }),
      );
    } catch (err) {
      throw this.failure(`store blob ${ref}`, err);
    }
    return ref;
  }

  async has(ref: BlobRef): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.options.bucket, Key: blobKeyOf(ref) }),
      );
      return true;
    } catch (err) {
      if (s3StatusOf(err) === 404) return false;
      throw this.failure(`look up blob ${ref}`, err);
    }
  }

  async get(ref: BlobRef): Promise<Uint8Array> {
    let bytes: Uint8Array;
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: blobKeyOf(ref) }),
      );
      if (!out.Body) throw new Error('empty response body');
      bytes = await out.Body.transformToByteArray();
    } catch (err) {
      if (s3StatusOf(err) === 404)
        throw new AssayError('NOT_FOUND', `blob ${ref} is missing from ${this.location}`, {
          ref,
        });
      throw this.failure(`read blob ${ref}`, err);
    }
    return verifyBlob(ref, bytes, this.location);
  }

  close(): void {
    this.client.destroy();
  }

  private failure(action: string, err: unknown): AssayError {
    return s3Failure(action, err, this.location, this.options.secretAccessKey);
  }
}
