import type { ErrorCode } from '../../../shared/errors';
import { isRecord } from '../lib/is-record';
import { ClientError } from './client-error';

/**
 * Unwraps a Result that arrived over a transport. The shape is checked rather than trusted
 * because a proxy error page or a half-written backend can answer with anything.
 */
export function readResult(channel: string, body: unknown): unknown {
  if (isRecord(body) && body.ok === true && 'data' in body) return body.data;
  if (isRecord(body) && body.ok === false && isRecord(body.error)) {
    const { code, message, details } = body.error;
    if (typeof code === 'string' && typeof message === 'string') {
      // The code list is shared with the core, which only ever sends codes from it.
      throw new ClientError(code as ErrorCode, message, details);
    }
  }
  throw new ClientError(
    'INTERNAL',
    `${channel}: the core answered with something that is not a Result`,
  );
}
