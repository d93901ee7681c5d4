/**
 * The signal of one attempt: aborts when the caller's signal aborts or when the attempt's time
 * limit passes (with a TimeoutError reason, as AbortSignal.timeout gives). Unlike
 * AbortSignal.any, it detaches from the caller's signal when disposed: an eval run passes one
 * long-lived signal to thousands of calls, and AbortSignal.any on Node 20 keeps every
 * dependent signal (and what hangs on it) reachable from that parent until the run ends.
 */
export function attemptSignal(
  parent: AbortSignal | undefined,
  timeoutMs: number,
): { signal: AbortSignal; timedOut: () => boolean; dispose: () => void } {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (): void => controller.abort(parent?.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The attempt timed out', 'TimeoutError'));
  }, timeoutMs);
  timer.unref();
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}
