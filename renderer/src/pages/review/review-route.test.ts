import { describe, expect, it } from 'vitest';
import { reviewHref, reviewViewOf } from './review-route';

describe('review route', () => {
  it('round-trips the queue list and a queue with its reviewer and item through the address', () => {
    expect(reviewViewOf(reviewHref.queues(), '')).toEqual({ kind: 'queues', archived: false });
    expect(reviewViewOf(reviewHref.queues(true), '')).toEqual({ kind: 'queues', archived: true });
    expect(reviewViewOf(reviewHref.queue('q/1', 'Ann B', 'i-1'), '')).toEqual({
      kind: 'queue',
      queueId: 'q/1',
      reviewer: 'Ann B',
      item: 'i-1',
    });
    expect(reviewViewOf(reviewHref.queue('q1'), '')).toEqual({
      kind: 'queue',
      queueId: 'q1',
      reviewer: null,
      item: null,
    });
  });

  it('reads the query from the page when the hash has none', () => {
    expect(reviewViewOf('/review/q1', '?reviewer=bob')).toMatchObject({ reviewer: 'bob' });
  });
});
