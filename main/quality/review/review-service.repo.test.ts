import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore } from '../../../test/support/test-database';
import { tempDir } from '../../../test/support/temp-dir';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { BULLSEYE_LEVELS } from '../../../shared/contract/quality';
import type { ErrorPayload } from '../../../shared/errors';
import type { Core } from '../../app/create-core';

/**
 * Review through the dispatcher every transport shares, on a whole core (tracing holds the
 * interactions, quality the graders and scores) on this run's database.
 */
let core: Core;
const ids: string[] = [];

async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const res = await core.dispatcher.dispatch(channel, input, { transport: 'ipc' });
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.data as ChannelOutput<C>;
}

async function refusal(channel: Channel, input: unknown): Promise<ErrorPayload> {
  const res = await core.dispatcher.dispatch(channel, input, { transport: 'ipc' });
  if (res.ok) throw new Error(`${channel} accepted ${JSON.stringify(input)}`);
  return res.error;
}

const paths = (e: ErrorPayload) =>
  ((e.details as { issues?: { path: string }[] } | undefined)?.issues ?? []).map((i) => i.path);

async function grader(name: string, scoreConfig: ChannelInput<'graders.create'>['scoreConfig']) {
  return call('graders.create', {
    name,
    definition: { kind: 'human', instructions: 'Judge the answer.' },
    scoreConfig,
  });
}

async function queue(name: string, graderId: string) {
  return call('reviewQueues.create', { name, graderId, instructions: 'Read it all.' });
}

beforeAll(async () => {
  core = await openTestCore(tempDir('assay-review-'), {});
  // Eight interactions, oldest first; the even ones are tagged "refund".
  for (let i = 0; i < 8; i++) {
    const made = await call('interactions.create', {
      type: 'support',
      input: `question ${i}`,
      output: `answer ${i}`,
      tags: i % 2 === 0 ? ['refund'] : [],
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    });
    ids.push(made.id);
  }
});
afterAll(() => core.close());

describe('filling a queue', () => {
  it('by rule takes exactly the interactions whose latest score from the grader is at or below 35', async () => {
    const judge = await grader('Judge', { type: 'categorical', levels: [...BULLSEYE_LEVELS] });
    const other = await grader('Other', { type: 'categorical', levels: [...BULLSEYE_LEVELS] });
    let key = 0;
    const score = (target: string, graderId: string, value: number) =>
      call('scores.create', {
        target: { type: 'interaction', id: target },
        graderId,
        value,
        idempotencyKey: `k${key++}`,
      });
    await score(ids[0]!, judge.id, 0); // in
    await score(ids[1]!, judge.id, 35); // in: at the bound
    await score(ids[2]!, judge.id, 65); // out
    await score(ids[3]!, judge.id, 100);
    await score(ids[3]!, judge.id, 0); // in: its latest score is 0
    await score(ids[4]!, judge.id, 0);
    await score(ids[4]!, judge.id, 100); // out: fixed since
    await score(ids[5]!, other.id, 0); // out: another grader
    // ids[6] and ids[7] have no score at all.

    const q = await queue('Low scores', judge.id);
    const filled = await call('reviewQueues.fill', {
      queueId: q.id,
      source: { kind: 'rule', rule: { graderId: judge.id, op: 'lte', value: 35 } },
    });
    expect(filled).toMatchObject({ matched: 3, added: 3, alreadyQueued: 0 });
    expect(filled.queue).toMatchObject({
      filledBy: 'rule',
      rule: { kind: 'rule', rule: { graderId: judge.id, op: 'lte', value: 35 } },
      counts: { total: 3, pending: 3, unassigned: 3, completed: 0, skipped: 0 },
    });
    const items = await call('review.items', { queueId: q.id, reviewer: 'ann' });
    // Lowest score first; ties by id (ids[0] and ids[3] both stand at 0).
    expect(items.items.map((i) => i.targetId)).toEqual([...[ids[0]!, ids[3]!].sort(), ids[1]!]);
    expect(items.items.map((i) => i.position)).toEqual([1, 2, 3]);

    const again = await call('reviewQueues.fill', {
      queueId: q.id,
      source: { kind: 'rule', rule: { graderId: judge.id, op: 'lte', value: 65 } },
    });
    expect(again).toMatchObject({ matched: 4, added: 1, alreadyQueued: 3 });
    expect(again.queue.counts.total).toBe(4);
  });

  it('by filter takes what interactions.list answers, newest first, up to the limit', async () => {
    const judge = await grader('Filter judge', { type: 'boolean' });
    const q = await queue('Refunds', judge.id);
    const filled = await call('reviewQueues.fill', {
      queueId: q.id,
      source: { kind: 'filter', filter: { tags: ['refund'] }, limit: 3 },
    });
    expect(filled).toMatchObject({ matched: 3, added: 3 });
    expect(filled.queue.rule).toEqual({ kind: 'filter', filter: { tags: ['refund'] } });
    const items = await call('review.items', { queueId: q.id, reviewer: 'ann' });
    expect(items.items.map((i) => i.targetId)).toEqual([ids[6], ids[4], ids[2]]);
  });

  it('by hand takes the ids given once each, and names an unknown one by position', async () => {
    const judge = await grader('Hand judge', { type: 'numeric', min: 1, max: 5 });
    const q = await queue('Picked', judge.id);
    const filled = await call('reviewQueues.fill', {
      queueId: q.id,
      source: { kind: 'hand', interactionIds: [ids[7]!, ids[1]!, ids[7]!] },
    });
    expect(filled).toMatchObject({ matched: 2, added: 2, queue: { filledBy: 'hand', rule: null } });
    const missing = await refusal('reviewQueues.fill', {
      queueId: q.id,
      source: { kind: 'hand', interactionIds: [ids[0], 'nope'] },
    });
    expect(missing.code).toBe('NOT_FOUND');
    expect(paths(missing)).toEqual(['source.interactionIds.1']);
    const noQueue = await refusal('reviewQueues.fill', {
      queueId: 'nope',
      source: { kind: 'hand', interactionIds: [ids[0]] },
    });
    expect([noQueue.code, paths(noQueue)]).toEqual(['NOT_FOUND', ['queueId']]);
  });
});

describe('assigning and reviewing', () => {
  it('hands open items round-robin, or to several reviewers each', async () => {
    const judge = await grader('Assign judge', { type: 'boolean' });
    const q = await queue('Round robin', judge.id);
    await call('reviewQueues.fill', {
      queueId: q.id,
      source: { kind: 'hand', interactionIds: ids.slice(0, 5) },
    });
    const rr = await call('reviewQueues.assign', { queueId: q.id, reviewers: ['ann', 'bob'] });
    expect(rr.assigned).toBe(5);
    expect(rr.queue.reviewers).toEqual([
      { reviewer: 'ann', pending: 3, completed: 0, skipped: 0 },
      { reviewer: 'bob', pending: 2, completed: 0, skipped: 0 },
    ]);
    const ann = await call('review.items', { queueId: q.id, reviewer: 'ann' });
    expect(ann.items.map((i) => i.targetId)).toEqual([ids[0], ids[2], ids[4]]);
    // Nothing is open any more: a second assignment has nothing to hand out.
    expect((await call('reviewQueues.assign', { queueId: q.id, reviewers: ['cy'] })).assigned).toBe(
      0,
    );

    const q2 = await queue('Everyone', judge.id);
    await call('reviewQueues.fill', {
      queueId: q2.id,
      source: { kind: 'hand', interactionIds: ids.slice(0, 3) },
    });
    const each = await call('reviewQueues.assign', {
      queueId: q2.id,
      reviewers: ['ann', 'bob', 'cy'],
      perItem: 2,
    });
    expect(each.assigned).toBe(6);
    expect(each.queue.counts).toMatchObject({ total: 6, unassigned: 0 });
    expect(each.queue.reviewers.map((r) => [r.reviewer, r.pending])).toEqual([
      ['ann', 2],
      ['bob', 2],
      ['cy', 2],
    ]);
    const bad = await refusal('reviewQueues.assign', {
      queueId: q2.id,
      reviewers: ['ann'],
      perItem: 2,
    });
    expect([bad.code, paths(bad)]).toEqual(['VALIDATION_FAILED', ['perItem']]);
  });

  it('records a double submit as one human score and completes the item', async () => {
    const judge = await grader('Submit judge', {
      type: 'categorical',
      levels: [...BULLSEYE_LEVELS],
    });
    const q = await queue('Submits', judge.id);
    await call('reviewQueues.fill', {
      queueId: q.id,
      source: { kind: 'hand', interactionIds: [ids[0]!, ids[1]!] },
    });
    const first = await call('review.next', { queueId: q.id, reviewer: 'ann' });
    expect(first.item).toMatchObject({
      item: { targetId: ids[0], state: 'pending', assignee: null },
      interaction: { input: 'question 0', output: 'answer 0' },
      grader: { name: 'Submit judge', scoreConfig: { type: 'categorical' } },
      score: null,
    });
    const submit = {
      itemId: first.item!.item.id,
      reviewer: 'ann',
      level: 'one hop short',
      comment: 'Close, misses the date.',
    };
    const [a, b] = await Promise.all([
      call('review.submit', submit),
      call('review.submit', submit),
    ]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.score.id).toBe(b.score.id);
    expect(a.score).toMatchObject({
      source: 'human',
      author: 'ann',
      level: 'One hop short',
      value: 65,
      reason: 'Close, misses the date.',
    });
    const stored = await call('scores.list', {
      target: { type: 'interaction', id: ids[0]! },
      graderId: judge.id,
    });
    expect(stored.scores.map((s) => s.id)).toEqual([a.score.id]);
    const done = await call('review.item', { id: submit.itemId });
    expect(done).toMatchObject({
      item: { state: 'completed', assignee: 'ann', scoreId: a.score.id },
      score: { id: a.score.id },
    });

    // A submitted review stands: another score for it is refused, naming the item.
    const changed = await refusal('review.submit', { ...submit, level: 'Wrong' });
    expect([changed.code, paths(changed)]).toEqual(['CONFLICT', ['itemId']]);
    // A level the grader does not have is refused before anything is taken.
    const second = (await call('review.next', { queueId: q.id, reviewer: 'bob' })).item!;
    const bad = await refusal('review.submit', {
      itemId: second.item.id,
      reviewer: 'bob',
      level: 'Meh',
    });
    expect([bad.code, paths(bad)]).toEqual(['VALIDATION_FAILED', ['level']]);
    expect((await call('review.item', { id: second.item.id })).item.assignee).toBeNull();
    // ann's item is not bob's to score.
    const theirs = await refusal('review.submit', { ...submit, reviewer: 'bob' });
    expect([theirs.code, paths(theirs)]).toEqual(['CONFLICT', ['reviewer']]);
  });

  it('moves to the next pending item after the one named, wrapping, past skipped ones', async () => {
    const judge = await grader('Next judge', { type: 'boolean' });
    const q = await queue('Next', judge.id);
    await call('reviewQueues.fill', {
      queueId: q.id,
      source: { kind: 'hand', interactionIds: ids.slice(0, 4) },
    });
    const items = (await call('review.items', { queueId: q.id, reviewer: 'ann' })).items;
    const next = async (after?: string) =>
      (await call('review.next', { queueId: q.id, reviewer: 'ann', ...(after ? { after } : {}) }))
        .item?.item.targetId ?? null;
    expect(await next()).toBe(ids[0]);
    expect(await next(items[2]!.id)).toBe(ids[3]);
    expect(await next(items[3]!.id)).toBe(ids[0]);
    await call('review.skip', { itemId: items[0]!.id, reviewer: 'ann' });
    await call('review.submit', { itemId: items[1]!.id, reviewer: 'ann', value: true });
    expect(await next()).toBe(ids[2]);
    expect(await next(items[3]!.id)).toBe(ids[2]);
    const view = await call('reviewQueues.get', { id: q.id });
    expect(view.reviewers).toEqual([{ reviewer: 'ann', pending: 0, completed: 1, skipped: 1 }]);
    expect(view.counts).toMatchObject({ pending: 2, completed: 1, skipped: 1, unassigned: 2 });
    // A skipped item can still be scored.
    await call('review.submit', { itemId: items[0]!.id, reviewer: 'ann', value: false });
    await call('review.submit', { itemId: items[2]!.id, reviewer: 'ann', value: 1 });
    await call('review.submit', { itemId: items[3]!.id, reviewer: 'ann', value: 0 });
    expect(await next()).toBeNull();
  });
});

describe('agreement', () => {
  it("gives Krippendorff's alpha and exact agreement over items several reviewers scored", async () => {
    const judge = await grader('Agree judge', {
      type: 'categorical',
      levels: [...BULLSEYE_LEVELS],
    });
    const q = await queue('Agreement', judge.id);
    await call('reviewQueues.fill', {
      queueId: q.id,
      source: { kind: 'hand', interactionIds: ids.slice(0, 4) },
    });
    await call('reviewQueues.assign', { queueId: q.id, reviewers: ['ann', 'bob'], perItem: 2 });
    // ann, bob: (Bullseye, Bullseye), (Wrong, Wrong), (Bullseye, Wrong); the fourth only ann.
    const given: Record<string, string[]> = {
      ann: ['Bullseye', 'Wrong', 'Bullseye', 'Wrong'],
      bob: ['Bullseye', 'Wrong', 'Wrong'],
    };
    for (const [reviewer, levels] of Object.entries(given)) {
      const items = (await call('review.items', { queueId: q.id, reviewer })).items;
      for (const [i, level] of levels.entries())
        await call('review.submit', { itemId: items[i]!.id, reviewer, level });
    }
    const agreement = await call('reviewQueues.agreement', { id: q.id });
    // Coincidences: B-B 2, W-W 2, B-W 1, W-B 1; n = 6, n_B = n_W = 3. Observed disagreement 2,
    // expected 2·3·3 = 18: alpha = 1 − (6 − 1)·2/18 = 4/9. Two of three pairable items agree.
    expect(agreement).toEqual({
      reviewers: ['ann', 'bob'],
      scoredItems: 4,
      pairableItems: 3,
      alpha: expect.closeTo(4 / 9, 12) as number,
      exactAgreement: 2 / 3,
    });
  });
});
