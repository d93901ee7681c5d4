import { newId } from '../../kit/ids';
import type { Store } from '../../store/store';
import { ItemRepository, type ItemRecord } from './item-repository';

/**
 * The reviewers of the i-th open item: `perItem` of them, taken in turn from where the previous
 * item stopped, so n reviewers with perItem 1 is round-robin and perItem n is everyone. Distinct
 * because perItem never exceeds the number of reviewers (the contract's refinement).
 */
export function reviewersFor(index: number, reviewers: readonly string[], perItem: number) {
  const chosen: string[] = [];
  for (let j = 0; j < perItem; j++)
    chosen.push(reviewers[(index * perItem + j) % reviewers.length]!);
  return chosen;
}

/**
 * Gives the queue's open items to reviewers: the first chosen reviewer takes the open row, each
 * further one gets a copy of it at the same position (its own item, so agreement can compare
 * them). A reviewer who already holds the interaction is passed over for it. Returns the number
 * of item-reviewer pairs made.
 */
export async function assignItems(
  store: Store,
  queueId: string,
  reviewers: readonly string[],
  perItem: number,
): Promise<number> {
  let assigned = 0;
  await store.writes.run(async (tx) => {
    const items = new ItemRepository(tx);
    const holders = await items.holders(queueId);
    const copies: ItemRecord[] = [];
    for (const [index, open] of (await items.open(queueId)).entries()) {
      const held = new Set(holders.get(open.targetId) ?? []);
      const chosen = reviewersFor(index, reviewers, perItem).filter((r) => !held.has(r));
      if (chosen.length === 0) continue;
      const [first, ...rest] = chosen;
      if (await items.take(open.id, first!)) assigned++;
      for (const reviewer of rest)
        copies.push({ ...open, id: newId(), assignee: reviewer, state: 'pending' });
    }
    assigned += await items.insert(copies);
  });
  return assigned;
}
