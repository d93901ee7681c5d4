import type { ReviewCounts, ReviewQueueView } from '../../../shared/contract/review';
import type { StateCount } from './item-repository';
import type { QueueRecord } from './queue-repository';

type ReviewerCounts = ReviewQueueView['reviewers'][number];

/** A queue with its counts: totals, open items, and each reviewer's, by name. */
export function queueView(queue: QueueRecord, counts: readonly StateCount[]): ReviewQueueView {
  const totals: ReviewCounts = { total: 0, pending: 0, completed: 0, skipped: 0, unassigned: 0 };
  const byReviewer = new Map<string, ReviewerCounts>();
  for (const c of counts) {
    if (c.queueId !== queue.id) continue;
    totals.total += c.count;
    totals[c.state] += c.count;
    if (c.assignee === null) {
      totals.unassigned += c.count;
      continue;
    }
    const mine = byReviewer.get(c.assignee) ?? {
      reviewer: c.assignee,
      pending: 0,
      completed: 0,
      skipped: 0,
    };
    mine[c.state] += c.count;
    byReviewer.set(c.assignee, mine);
  }
  // By code point, not locale: the same order on the desktop and the team server.
  const reviewers = [...byReviewer.values()].sort((a, b) =>
    a.reviewer < b.reviewer ? -1 : a.reviewer > b.reviewer ? 1 : 0,
  );
  return { ...queue, counts: totals, reviewers };
}
