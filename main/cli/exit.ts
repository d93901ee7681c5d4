import { AssayError, exitCodeOf, toErrorPayload } from '../../shared/errors';

/** Exit codes every command shares: 0 ok, 1 failure, 2 bad usage or configuration. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Prints a coded error on stderr and returns the exit code its code maps to. */
export function reportError(err: unknown): number {
  const payload = toErrorPayload(err);
  process.stderr.write(`assay: ${payload.code}: ${payload.message}\n`);
  if (
    payload.code === 'INTERNAL' &&
    err instanceof Error &&
    err.stack &&
    !(err instanceof AssayError)
  ) {
    process.stderr.write(`${err.stack}\n`);
  }
  return exitCodeOf(payload.code);
}
