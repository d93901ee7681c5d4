import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { Topic } from '../../shared/contract';
import type { TeamOptions } from '../team/team-options';
import { EventBus } from '../kit/event-bus';
import { startEventFanout, type EventFanout } from './event-fanout';

const REDIS_URL = 'redis://127.0.0.1:6379';

function teamOf(prefix: string): TeamOptions {
  return { redisUrl: REDIS_URL, redisPrefix: prefix, blobThresholdBytes: 65536 };
}

const progress = (runId: string, done: number) => ({
  runId,
  status: 'running' as const,
  done,
  total: 10,
  pass: done,
  fail: 0,
  error: 0,
  unscored: 0,
  costUsd: 0,
  elapsedMs: 1,
  etaMs: 1,
});

function recorder(bus: EventBus): { topic: Topic; payload: unknown }[] {
  const seen: { topic: Topic; payload: unknown }[] = [];
  bus.subscribe((topic, payload) => seen.push({ topic, payload }));
  return seen;
}

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const open: EventFanout[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

async function fannedBus(team: TeamOptions): Promise<EventBus> {
  const bus = new EventBus();
  open.push(await startEventFanout(bus, team));
  return bus;
}

describe('event fan-out through Redis', () => {
  it('delivers every event to every process once, in order, and never echoes', async () => {
    const team = teamOf(`t-fanout-${crypto.randomUUID()}`);
    const [a, b, c] = await Promise.all([fannedBus(team), fannedBus(team), fannedBus(team)]);
    const [seenA, seenB, seenC] = [recorder(a), recorder(b), recorder(c)];
    for (let i = 1; i <= 50; i++) a.publish('eval.progress', progress('run-a', i));
    b.publish('eval.progress', progress('run-b', 1));
    await until(() => seenB.length === 51 && seenC.length === 51 && seenA.length === 51);
    // Give an echo time to arrive, were there one.
    await new Promise((r) => setTimeout(r, 100));
    expect(seenA).toHaveLength(51);
    expect(seenB).toHaveLength(51);
    const doneOf = (seen: { payload: unknown }[], run: string) =>
      seen
        .map((e) => e.payload as { runId: string; done: number })
        .filter((p) => p.runId === run)
        .map((p) => p.done);
    const order = Array.from({ length: 50 }, (_, i) => i + 1);
    expect(doneOf(seenB, 'run-a')).toEqual(order);
    expect(doneOf(seenC, 'run-a')).toEqual(order);
    expect(doneOf(seenA, 'run-b')).toEqual([1]);
  });

  it('keeps stacks with different prefixes apart', async () => {
    const one = await fannedBus(teamOf(`t-fanout-${crypto.randomUUID()}`));
    const other = await fannedBus(teamOf(`t-fanout-${crypto.randomUUID()}`));
    const seen = recorder(other);
    one.publish('eval.progress', progress('run', 1));
    await new Promise((r) => setTimeout(r, 150));
    expect(seen).toEqual([]);
  });

  it('drops relayed messages that are not events, and relayed events that break their schema', async () => {
    const team = teamOf(`t-fanout-${crypto.randomUUID()}`);
    const bus = await fannedBus(team);
    const seen = recorder(bus);
    const raw = new Redis(REDIS_URL);
    try {
      const channel = `${team.redisPrefix}:events`;
      for (const message of [
        'not json',
        '[]',
        'null',
        JSON.stringify({ from: 'x', topic: 'no.such.topic', payload: {} }),
        JSON.stringify({ from: 'x', topic: 'eval.progress', payload: { runId: 5 } }),
        JSON.stringify({ from: 'x', topic: 'eval.progress', payload: progress('ok', 3) }),
      ])
        await raw.publish(channel, message);
      await until(() => seen.length === 1);
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).toHaveLength(1);
      expect((seen[0]!.payload as { runId: string }).runId).toBe('ok');
    } finally {
      raw.disconnect();
    }
  });

  it('fails at start with a coded error when Redis is unreachable', async () => {
    const bus = new EventBus();
    const started = startEventFanout(bus, {
      redisUrl: 'redis://127.0.0.1:1',
      redisPrefix: 'x',
      blobThresholdBytes: 65536,
    });
    await expect(started).rejects.toThrow(/no connection within/);
  }, 20_000);
});
