import { describe, expect, it } from 'vitest';
import {
  EMPTY_QUERY,
  interactionFilter,
  interactionsHref,
  interactionsViewOf,
} from './interactions-route';

describe('interactions route', () => {
  it('round-trips a filtered list and a selected interaction through the address', () => {
    const query = {
      type: 'chat',
      user: 'u 1',
      session: 's/1',
      tags: ['a', 'b'],
      from: '2026-12-01',
      to: '2026-12-02',
      offset: 50,
    };
    expect(interactionsViewOf(interactionsHref.list(query), '')).toEqual({
      kind: 'list',
      query,
      selected: null,
    });
    expect(interactionsViewOf(interactionsHref.detail('id/1', query), '')).toEqual({
      kind: 'list',
      query,
      selected: 'id/1',
    });
  });

  it('reads sessions and one session, and drops malformed days and offsets', () => {
    expect(interactionsViewOf(interactionsHref.sessions('u1', 100), '')).toEqual({
      kind: 'sessions',
      user: 'u1',
      offset: 100,
    });
    expect(interactionsViewOf(interactionsHref.session('a b'), '')).toEqual({
      kind: 'session',
      id: 'a b',
    });
    expect(interactionsViewOf('/interactions?from=yesterday&offset=-5&tags=,,', '')).toEqual({
      kind: 'list',
      query: EMPTY_QUERY,
      selected: null,
    });
  });

  it('turns inclusive days into a half-open UTC range for interactions.list', () => {
    expect(
      interactionFilter({ ...EMPTY_QUERY, type: 'chat', from: '2026-12-01', to: '2026-12-31' }),
    ).toEqual({
      type: 'chat',
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(interactionFilter(EMPTY_QUERY)).toEqual({});
  });
});
