import type { InteractionFilter, InteractionView } from '../../../shared/contract/traces';
import type { ReviewFillSource, ReviewQueueRule } from '../../../shared/contract/review';
import { AssayError } from '../../../shared/errors';
import { newId } from '../../kit/ids';
import type { Store } from '../../store/store';
import { ItemRepository, type ItemRecord } from './item-repository';
import { QueueRepository } from './queue-repository';
import { ruleTargets } from './rule-targets';

/** What review needs of tracing (interactions belong to it; reached through its service). */
export interface InteractionSource {
  list(
    filter: InteractionFilter,
    offset: number,
    limit: number,
  ): Promise<{ items: InteractionView[]; nextOffset: number | null }>;
  exists(id: string): Promise<boolean>;
  /** Null when there is no such interaction (purged since it was queued). */
  get(id: string): Promise<InteractionView | null>;
}

const where = 'reviewQueues.fill';
/** interactions.list's largest page. */
const PAGE = 500;

export interface FillOutcome {
  readonly matched: number;
  readonly added: number;
}

/** Ids in first-seen order, each once. */
const distinct = (ids: readonly string[]): string[] => [...new Set(ids)];

async function handPicked(ids: readonly string[], interactions: InteractionSource) {
  const missing: { id: string; path: string }[] = [];
  for (const [index, id] of ids.entries())
    if (!(await interactions.exists(id)))
      missing.push({ id, path: `source.interactionIds.${index}` });
  if (missing.length > 0) {
    const more = missing.length > 1 ? ` (and ${missing.length - 1} more)` : '';
    throw new AssayError(
      'NOT_FOUND',
      `${where}: no interaction with id "${missing[0]!.id}"${more}`,
      {
        issues: missing.map((m) => ({ path: m.path, message: 'no such interaction' })),
      },
    );
  }
  return distinct(ids);
}

async function filtered(
  filter: InteractionFilter,
  limit: number,
  interactions: InteractionSource,
): Promise<string[]> {
  const ids: string[] = [];
  let offset: number | null = 0;
  while (offset !== null && ids.length < limit) {
    const page = await interactions.list(filter, offset, Math.min(PAGE, limit - ids.length));
    ids.push(...page.items.map((i) => i.id));
    offset = page.nextOffset;
  }
  return ids;
}

/**
 * The interactions a fill names, in the order they join the queue: as given by hand (each must
 * exist), as interactions.list answers a filter (newest first), or as a score rule picks them
 * (a purge forgets its interactions' scores in its transaction; an interaction gone between
 * the pick and the fill is still left out).
 */
async function targetsOf(
  store: Store,
  source: ReviewFillSource,
  interactions: InteractionSource,
): Promise<{ ids: string[]; rule: ReviewQueueRule | null }> {
  switch (source.kind) {
    case 'hand':
      return { ids: await handPicked(source.interactionIds, interactions), rule: null };
    case 'filter':
      return {
        ids: await filtered(source.filter, source.limit, interactions),
        rule: { kind: 'filter', filter: source.filter },
      };
    case 'rule': {
      const picked = await ruleTargets(store.db, source.rule, source.limit);
      const live: string[] = [];
      for (const id of picked) if (await interactions.exists(id)) live.push(id);
      return { ids: live, rule: { kind: 'rule', rule: source.rule } };
    }
  }
}

/**
 * Appends a fill's interactions to a queue as open items, after those already queued; an
 * interaction the queue holds (open or with any reviewer) is not added again. The check and
 * the inserts share one transaction, so two fills of one queue cannot both add an interaction.
 */
export async function fillQueue(
  store: Store,
  queueId: string,
  source: ReviewFillSource,
  interactions: InteractionSource,
): Promise<FillOutcome> {
  const { ids, rule } = await targetsOf(store, source, interactions);
  let added = 0;
  await store.writes.run(async (tx) => {
    const items = new ItemRepository(tx);
    const queued = await items.holders(queueId);
    let position = await items.maxPosition(queueId);
    const fresh: ItemRecord[] = ids
      .filter((id) => !queued.has(id))
      .map((targetId) => ({
        id: newId(),
        queueId,
        targetId,
        position: ++position,
        assignee: null,
        state: 'pending',
        completedAt: null,
        scoreId: null,
      }));
    added = await items.insert(fresh);
    await new QueueRepository(tx).setFill(queueId, source.kind, rule);
  });
  return { matched: ids.length, added };
}
