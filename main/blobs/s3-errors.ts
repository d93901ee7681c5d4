import { AssayError } from '../../shared/errors';

/** The HTTP status an S3 call failed with, if it got an answer at all. */
export function s3StatusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null || !('$metadata' in err)) return undefined;
  const metadata = (err as { $metadata?: { httpStatusCode?: number } }).$metadata;
  return metadata?.httpStatusCode;
}

/** S3 answers that mean the access key or secret is wrong, not that the server is down. */
const CREDENTIAL_ERRORS = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'InvalidToken',
  'ExpiredToken',
]);

/**
 * A coded error for a failed S3 call: CONFIG_INVALID when the credentials are refused,
 * STORE_UNAVAILABLE when the endpoint cannot be reached or fails. It names the endpoint and
 * bucket and the SDK's error name, and the secret is cut out of anything quoted from the SDK.
 */
export function s3Failure(
  action: string,
  err: unknown,
  location: string,
  secret: string,
): AssayError {
  const name = err instanceof Error ? err.name : 'Error';
  const status = s3StatusOf(err);
  const networkCode =
    typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
      ? err.code
      : undefined;
  const raw = err instanceof Error ? err.message : String(err);
  const said = secret ? raw.split(secret).join('[redacted]') : raw;
  if (CREDENTIAL_ERRORS.has(name) || status === 401 || status === 403)
    return new AssayError(
      'CONFIG_INVALID',
      `S3 at ${location} refused the credentials (${name}${status ? `, HTTP ${status}` : ''}): check the access key and secret (--s3 or ASSAY_S3_ACCESS_KEY_ID / ASSAY_S3_SECRET_ACCESS_KEY)`,
      { location, error: name },
    );
  const why = networkCode ?? (status ? `HTTP ${status}` : name);
  return new AssayError(
    'STORE_UNAVAILABLE',
    `could not ${action} at S3 ${location} (${why}): ${said.slice(0, 200)}`,
    { location, error: name },
  );
}
