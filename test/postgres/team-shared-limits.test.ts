import { afterAll, describe, expect, it } from 'vitest';
import { openSharedLimits, type SharedLimits } from '../../main/jobs/shared-limits';
import { dropTeamKeys, testTeam } from '../support/team-workers';

/**
 * Provider limits in team mode are held in Redis: two processes (two SharedLimits, each with
 * its own connection, as a server and a worker have) share one concurrency and one budget.
 */
const team = testTeam('limits');
const opened: SharedLimits[] = [];

function process_(): SharedLimits {
  const limits = openSharedLimits(team);
  opened.push(limits);
  return limits;
}

afterAll(async () => {
  await Promise.all(opened.map((l) => l.close()));
  await dropTeamKeys(team);
});

describe('provider limits shared through Redis', () => {
  it('holds one concurrency across processes, and a released slot lets the next one in', async () => {
    const [a, b] = [process_(), process_()];
    const la = a.limiterFor('openai', { concurrency: 2 });
    const lb = b.limiterFor('openai', { concurrency: 2 });
    const first = await la.acquireSlot();
    await lb.acquireSlot();
    let third = false;
    const waiting = la.acquireSlot().then((release) => {
      third = true;
      return release;
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(third).toBe(false);
    first();
    const release = await waiting;
    expect(third).toBe(true);
    release();
  });

  it('shares a requests-per-minute budget, and a pause told to one process holds the other', async () => {
    const [a, b] = [process_(), process_()];
    const la = a.limiterFor('anthropic', { requestsPerMinute: 2 });
    const lb = b.limiterFor('anthropic', { requestsPerMinute: 2 });
    await la.acquireRate(10);
    await lb.acquireRate(10);
    // The minute's two requests are spent between them: a third waits (about 30 s), so it is
    // still waiting when its caller gives up.
    await expect(la.acquireRate(10, AbortSignal.timeout(200))).rejects.toThrow();

    const pa = a.limiterFor('bedrock', {});
    const pb = b.limiterFor('bedrock', {});
    pa.pause(400);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await pb.acquireRate(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });
});
