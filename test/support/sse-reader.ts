export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * Reads Server-Sent Events from a fetch response body (Node 20 has no EventSource). `ready`
 * resolves once the server's first comment line arrives, i.e. the subscription is live.
 */
export function readSse(body: ReadableStream<Uint8Array>): {
  ready: Promise<void>;
  next: () => Promise<SseEvent>;
} {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const queue: SseEvent[] = [];
  const waiters: ((e: SseEvent) => void)[] = [];
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let buffer = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(':')) {
          markReady();
          continue;
        }
        const lines = block.split('\n');
        const event =
          lines
            .find((l) => l.startsWith('event:'))
            ?.slice(6)
            .trim() ?? 'message';
        const data = lines
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trimStart())
          .join('\n');
        const waiter = waiters.shift();
        if (waiter) waiter({ event, data });
        else queue.push({ event, data });
      }
    }
  })();
  return {
    ready,
    next: () => {
      const queued = queue.shift();
      return queued ? Promise.resolve(queued) : new Promise((resolve) => waiters.push(resolve));
    },
  };
}
