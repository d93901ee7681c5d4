import crypto from 'node:crypto';
import type { Redis } from 'ioredis';
import { isTopic } from '../../shared/contract';
import type { TeamOptions } from '../team/team-options';
import type { EventBus } from '../kit/event-bus';
import { openRedis, redisKey, whenReady } from './open-redis';

export interface EventFanout {
  /** Stops relaying and closes both connections. */
  close(): Promise<void>;
}

interface Envelope {
  /** The process that published it: its own messages come back from Redis and are skipped. */
  readonly from: string;
  readonly topic: string;
  readonly payload: unknown;
}

/**
 * Team mode: every event published on this process's bus goes to one Redis channel, and every
 * other process's event on that channel is delivered to this bus. The workbench's event stream
 * may be served by any server process behind the proxy, and eval progress comes from workers:
 * each sees all events. Local listeners hear their own process's events at once, not via Redis.
 * Resolves once the subscription is live, so no event published after start is missed.
 */
export async function startEventFanout(bus: EventBus, team: TeamOptions): Promise<EventFanout> {
  const channel = redisKey(team, 'events');
  const self = crypto.randomUUID();
  const publisher = openRedis(team, 'events-pub');
  const subscriber = openRedis(team, 'events-sub');
  try {
    await Promise.all([whenReady(publisher), whenReady(subscriber)]);
    await subscriber.subscribe(channel);
  } catch (err) {
    publisher.disconnect();
    subscriber.disconnect();
    throw err;
  }
  subscriber.on('message', (_channel: string, message: string) => {
    const envelope = parseEnvelope(message);
    if (!envelope || envelope.from === self || !isTopic(envelope.topic)) return;
    bus.deliver(envelope.topic, envelope.payload);
  });
  bus.setRelay((topic, payload) => {
    const envelope: Envelope = { from: self, topic, payload };
    // Best effort, like the in-process bus: a lost event is a stale view until the next one,
    // never lost data (every event's facts are stored before it is published).
    publisher.publish(channel, JSON.stringify(envelope)).catch((err: unknown) => {
      console.error(`[events] could not relay ${topic} through Redis:`, errorMessage(err));
    });
  });
  return {
    close: async () => {
      bus.setRelay(null);
      await Promise.allSettled([quit(subscriber), quit(publisher)]);
    },
  };
}

function parseEnvelope(message: string): Envelope | null {
  try {
    const value = JSON.parse(message) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { from, topic } = value as Record<string, unknown>;
    if (typeof from !== 'string' || typeof topic !== 'string') return null;
    return value as Envelope;
  } catch {
    return null;
  }
}

async function quit(connection: Redis): Promise<void> {
  await connection.quit().catch(() => connection.disconnect());
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
