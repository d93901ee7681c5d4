import { AssayError } from '../../shared/errors';
import type { ServerEnvName } from './server-env';

/** An S3-compatible bucket for blobs (MinIO in the compose stack, s3rver in tests). */
export interface S3Options {
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/**
 * Team mode: a server (and its workers) on PostgreSQL with Redis beside it. Redis carries the
 * event fan-out between server processes, shared rate limits and the job queues; S3, when
 * given, holds blobs. Without these options the core runs in local mode (the desktop app).
 */
export interface TeamOptions {
  readonly redisUrl: string;
  /**
   * Prefix of every Redis key, channel and queue: several stacks (or test files) can share one
   * Redis without seeing each other's events, limits or jobs.
   */
  readonly redisPrefix: string;
  readonly s3?: S3Options;
  /** Span payloads larger than this go to S3 (when S3 is set). */
  readonly blobThresholdBytes: number;
  /** The origin users open (behind the TLS proxy); origin checks compare against it. */
  readonly publicUrl?: string;
}

export const DEFAULT_BLOB_THRESHOLD_BYTES = 64 * 1024;

/** Command-line flags that override the environment (`assay serve --redis … --s3 …`). */
export interface TeamFlags {
  readonly redis?: string;
  /** `http(s)://ACCESS:SECRET@host:port/bucket?region=…`, or the ASSAY_S3_* variables. */
  readonly s3?: string;
  readonly publicUrl?: string;
}

type Env = Partial<Record<ServerEnvName, string>>;

function invalid(name: string, why: string): AssayError {
  return new AssayError('CONFIG_INVALID', `${name}: ${why}`);
}

function parseUrl(raw: string, name: string, protocols: string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(name, 'not a URL');
  }
  if (!protocols.includes(url.protocol))
    throw invalid(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  return url;
}

/** The S3 options from `--s3 URL` or the ASSAY_S3_* variables; undefined when neither is set. */
function s3Options(flag: string | undefined, env: Env): S3Options | undefined {
  if (flag) {
    const url = parseUrl(flag, '--s3', ['http:', 'https:']);
    const bucket = url.pathname.replace(/^\/+|\/+$/g, '');
    if (!bucket) throw invalid('--s3', 'name the bucket as the URL path (http://host:9000/assay)');
    if (!url.username || !url.password)
      throw invalid('--s3', 'give the access key and secret as http://KEY:SECRET@host/bucket');
    return {
      endpoint: `${url.protocol}//${url.host}`,
      bucket,
      region: url.searchParams.get('region') ?? 'us-east-1',
      accessKeyId: decodeURIComponent(url.username),
      secretAccessKey: decodeURIComponent(url.password),
    };
  }
  const endpoint = env.ASSAY_S3_ENDPOINT;
  if (!endpoint) return undefined;
  parseUrl(endpoint, 'ASSAY_S3_ENDPOINT', ['http:', 'https:']);
  const required = (
    name: 'ASSAY_S3_BUCKET' | 'ASSAY_S3_ACCESS_KEY_ID' | 'ASSAY_S3_SECRET_ACCESS_KEY',
  ) => {
    const value = env[name];
    if (!value) throw invalid(name, 'required when ASSAY_S3_ENDPOINT is set');
    return value;
  };
  return {
    endpoint: endpoint.replace(/\/+$/, ''),
    bucket: required('ASSAY_S3_BUCKET'),
    region: env.ASSAY_S3_REGION || 'us-east-1',
    accessKeyId: required('ASSAY_S3_ACCESS_KEY_ID'),
    secretAccessKey: required('ASSAY_S3_SECRET_ACCESS_KEY'),
  };
}

/**
 * Team options from flags and the environment; undefined (local mode) when no Redis URL is
 * given. Team mode needs PostgreSQL: several processes share the database.
 */
export function teamOptionsFrom(
  flags: TeamFlags,
  env: Env,
  databaseUrl: string | undefined,
): TeamOptions | undefined {
  const redis = flags.redis ?? env.ASSAY_REDIS_URL;
  const s3Flag = flags.s3;
  if (!redis) {
    if (s3Flag || env.ASSAY_S3_ENDPOINT)
      throw invalid(
        flags.s3 ? '--s3' : 'ASSAY_S3_ENDPOINT',
        'S3 blobs need team mode: give --redis (or ASSAY_REDIS_URL) too',
      );
    return undefined;
  }
  const redisName = flags.redis ? '--redis' : 'ASSAY_REDIS_URL';
  parseUrl(redis, redisName, ['redis:', 'rediss:']);
  if (!databaseUrl)
    throw invalid(
      redisName,
      'team mode runs on PostgreSQL: give --database (or ASSAY_DATABASE_URL) too',
    );
  const rawThreshold = env.ASSAY_BLOB_THRESHOLD_BYTES;
  const threshold =
    rawThreshold === undefined || rawThreshold === ''
      ? DEFAULT_BLOB_THRESHOLD_BYTES
      : Number(rawThreshold);
  if (!Number.isInteger(threshold) || threshold < 1024)
    throw invalid(
      'ASSAY_BLOB_THRESHOLD_BYTES',
      `must be an integer of at least 1024, got "${rawThreshold}"`,
    );
  const publicUrl = flags.publicUrl ?? env.ASSAY_PUBLIC_URL;
  if (publicUrl)
    parseUrl(publicUrl, flags.publicUrl ? '--public-url' : 'ASSAY_PUBLIC_URL', ['http:', 'https:']);
  return {
    redisUrl: redis,
    redisPrefix: redisPrefixOf(env.ASSAY_REDIS_PREFIX),
    s3: s3Options(s3Flag, env),
    blobThresholdBytes: threshold,
    publicUrl: publicUrl ? new URL(publicUrl).origin : undefined,
  };
}

function redisPrefixOf(raw: string | undefined): string {
  if (raw === undefined || raw === '') return 'assay';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(raw))
    throw invalid('ASSAY_REDIS_PREFIX', 'letters, digits, - and _ only (at most 64)');
  return raw;
}
