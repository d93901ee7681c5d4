import type { ParsedInput } from '../../../shared/contract';
import type { ScoreCreate } from '../../../shared/contract/quality';
import { AssayError } from '../../../shared/errors';
import type { Store } from '../../store/store';
import { throwIssues } from '../grader-checks';
import { GraderRepository } from '../grader-repository';
import type { ScoreOutcome } from '../record-score';
import { checkScore } from '../score-value';
import { ItemRepository, type ItemRecord } from './item-repository';
import { QueueRepository } from './queue-repository';

/** The quality service's door for scores: a review is a human score like any other. */
export interface ScoreSink {
  createScore(input: ScoreCreate): Promise<ScoreOutcome>;
}

/**
 * One review, one key: the same reviewer submitting the same item twice (a double Enter, a
 * retry after a lost answer) is one score. The item id alone fixes queue and interaction; the
 * queue and reviewer make the key readable where it is stored.
 */
export function reviewKey(queueId: string, itemId: string, reviewer: string): string {
  return `review:${queueId}:${itemId}:${reviewer}`;
}

async function requireItem(store: Store, id: string, where: string): Promise<ItemRecord> {
  const item = await new ItemRepository(store.db).item(id);
  if (!item)
    throw new AssayError('NOT_FOUND', `${where}: no review item with id "${id}"`, {
      issues: [{ path: 'itemId', message: 'no such review item' }],
    });
  return item;
}

/**
 * Makes an item the reviewer's: theirs already, or open and taken now. Someone else's item, or
 * an open one for an interaction the reviewer holds another item of, is a CONFLICT.
 */
async function holdFor(
  store: Store,
  item: ItemRecord,
  reviewer: string,
  where: string,
): Promise<ItemRecord> {
  const taken = (by: string) =>
    new AssayError('CONFLICT', `${where}: the item is ${by}'s to review, not ${reviewer}'s`, {
      issues: [{ path: 'reviewer', message: `the item is assigned to ${by}` }],
    });
  if (item.assignee === reviewer) return item;
  if (item.assignee !== null) throw taken(item.assignee);
  const items = new ItemRepository(store.db);
  const mine = await items.heldBy(item.queueId, item.targetId, reviewer);
  // This very item counts as free: a concurrent submit of the same reviewer (a double click)
  // may have taken it since it was read, and then both submits are one review.
  if (mine && mine.id !== item.id)
    throw new AssayError(
      'CONFLICT',
      `${where}: ${reviewer} reviews this interaction as item "${mine.id}"`,
      { issues: [{ path: 'itemId', message: `review item ${mine.id} instead` }] },
    );
  let took = false;
  await store.writes.run(async (tx) => {
    took = await new ItemRepository(tx).take(item.id, reviewer);
  });
  const now = (await items.item(item.id))!;
  if (!took && now.assignee !== reviewer) throw taken(now.assignee ?? 'someone');
  return now;
}

/**
 * A reviewer's verdict on an item: checked against the queue grader's latest score config (so
 * a bad value is refused before the item is taken), recorded through the quality service as a
 * human score with the reviewer as author and the comment as reason, then the item completed.
 * A completed item keeps its score: the same submit again answers it (created: false), a
 * different one is a CONFLICT.
 */
export async function submitReview(
  store: Store,
  scores: ScoreSink,
  input: ParsedInput<'review.submit'>,
): Promise<{ item: ItemRecord; outcome: ScoreOutcome }> {
  const where = 'review.submit';
  const item = await requireItem(store, input.itemId, where);
  const queue = (await new QueueRepository(store.db).queue(item.queueId))!;
  const latest = (await new GraderRepository(store.db).latestVersion(queue.graderId))!;
  const given = {
    ...(input.value === undefined ? {} : { value: input.value }),
    ...(input.level === undefined ? {} : { level: input.level }),
  };
  const check = checkScore(latest.scoreConfig, given);
  if (!check.ok) throwIssues(where, [check.issue]);
  const held = await holdFor(store, item, input.reviewer, where);

  let outcome: ScoreOutcome;
  try {
    outcome = await scores.createScore({
      target: { type: 'interaction', id: item.targetId },
      graderId: queue.graderId,
      ...given,
      ...(input.comment === undefined ? {} : { reason: input.comment }),
      author: input.reviewer,
      source: 'human',
      idempotencyKey: reviewKey(queue.id, item.id, input.reviewer),
    });
  } catch (err) {
    throw reviewError(err, held, where);
  }
  await store.writes.run((tx) =>
    new ItemRepository(tx).complete(item.id, outcome.score.id, new Date().toISOString()),
  );
  return { item: (await new ItemRepository(store.db).item(item.id))!, outcome };
}

/** The quality service's refusals, said in terms of the review. */
function reviewError(err: unknown, item: ItemRecord, where: string): unknown {
  if (!(err instanceof AssayError)) return err;
  if (err.code === 'CONFLICT')
    return new AssayError(
      'CONFLICT',
      `${where}: the item was already reviewed with a different score (${item.scoreId ?? 'stored'}); a submitted review stands`,
      { issues: [{ path: 'itemId', message: 'already reviewed' }] },
    );
  if (err.code === 'NOT_FOUND')
    return new AssayError(
      'NOT_FOUND',
      `${where}: the interaction "${item.targetId}" of this item no longer exists (purged)`,
      { issues: [{ path: 'itemId', message: 'its interaction is gone' }] },
    );
  return err;
}

/** Puts an item aside: it stays the reviewer's (taken if open) and can still be scored. */
export async function skipReview(
  store: Store,
  input: ParsedInput<'review.skip'>,
): Promise<ItemRecord> {
  const where = 'review.skip';
  const item = await requireItem(store, input.itemId, where);
  if (item.state === 'completed')
    throw new AssayError('CONFLICT', `${where}: the item was already reviewed`, {
      issues: [{ path: 'itemId', message: 'already reviewed' }],
    });
  await holdFor(store, item, input.reviewer, where);
  await store.writes.run((tx) => new ItemRepository(tx).skip(item.id));
  return (await new ItemRepository(store.db).item(item.id))!;
}
