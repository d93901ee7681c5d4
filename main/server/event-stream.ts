import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { isTopic, type Topic } from '../../shared/contract';
import type { EventBus } from '../kit/event-bus';
import { errorResponse } from './request-guards';

const HEARTBEAT_MS = 15_000;

/**
 * `GET /api/events[?topics=a,b]`: contract events as Server-Sent Events, `event:` = topic and
 * `data:` = JSON payload. A comment line every 15 s keeps proxies from closing idle streams.
 */
export function mountEventStream(app: Hono, events: EventBus): void {
  app.get('/api/events', (c) => {
    const requested = c.req.query('topics');
    let wanted: Set<Topic> | null = null;
    if (requested) {
      const names = requested
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const unknown = names.filter((t) => !isTopic(t));
      if (unknown.length > 0)
        return errorResponse('VALIDATION_FAILED', `Unknown topic(s): ${unknown.join(', ')}`);
      wanted = new Set(names as Topic[]);
    }
    return streamSSE(c, async (stream) => {
      const unsubscribe = events.subscribe((topic, payload) => {
        if (wanted && !wanted.has(topic)) return;
        void stream.writeSSE({ event: topic, data: JSON.stringify(payload) });
      });
      // Tell the client the subscription is live, so it can act without racing the first event.
      await stream.write(': ready\n\n');
      // An unref'd interval, not a sleeping loop: a pending heartbeat must not keep a shutting
      // down server alive.
      const heartbeat = setInterval(() => void stream.write(': ping\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      if (!stream.aborted) await new Promise<void>((resolve) => stream.onAbort(resolve));
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
