import { AssayError } from '../../shared/errors';

/**
 * A failure to reach Redis at start, as a coded error. ioredis's messages name the host and
 * port but never the password of the URL, so they are safe to show.
 */
export function redisUnavailable(err: unknown): AssayError {
  const why = err instanceof Error ? err.message : String(err);
  return new AssayError(
    'STORE_UNAVAILABLE',
    `Redis is unreachable (ASSAY_REDIS_URL / --redis): ${why}`,
  );
}
