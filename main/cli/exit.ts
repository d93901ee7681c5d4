import { AssayError, exitCodeOf, toErrorPayload } from '../../shared/errors';
import { unexpectedMessage } from '../api/internal-error';

/** Exit codes every command shares: 0 ok, 1 failure, 2 bad usage or configuration. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * Prints a coded error on stderr as one line and returns the exit code its code maps to. A bug
 * (an error that is not coded) prints one line too, never a dump or a stack trace; the stack
 * is there for whoever investigates, with ASSAY_DEBUG=1.
 */
export function reportError(err: unknown): number {
  const payload = toErrorPayload(err);
  const unexpected = payload.code === 'INTERNAL' && !(err instanceof AssayError);
  const message = unexpected ? unexpectedMessage(err) : payload.message;
  process.stderr.write(`assay: ${payload.code}: ${message}\n`);
  if (unexpected) {
    const stack = err instanceof Error ? err.stack : undefined;
    process.stderr.write(
      process.env.ASSAY_DEBUG && stack
        ? `${stack}\n`
        : 'assay: this is a bug in Assay; ASSAY_DEBUG=1 shows where it happened\n',
    );
  }
  return exitCodeOf(payload.code);
}
