import { AssayError } from '../../shared/errors';

/** The CANCELLED error a wait ends with when its signal aborts (with the abort's reason). */
export function abortError(signal: AbortSignal): AssayError {
  const reason: unknown = signal.reason;
  return new AssayError(
    'CANCELLED',
    reason instanceof Error ? reason.message : 'The call was cancelled',
  );
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
