import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  DEFAULT_LIST_VIEW,
  listHref,
  traceFilterOf,
  traceHref,
  tracesViewOf,
  type TraceListView,
} from './trace-route';

const listOf = (location: string): TraceListView => {
  const view = tracesViewOf(location);
  if (view.kind !== 'list') throw new Error(`not a list: ${location}`);
  return view.list;
};

describe('traces routes', () => {
  it('reads a plain list and a trace with a selected span', () => {
    expect(tracesViewOf('/traces')).toEqual({ kind: 'list', list: DEFAULT_LIST_VIEW });
    expect(tracesViewOf('/traces/0194-abc?span=s%2F1')).toEqual({
      kind: 'trace',
      traceId: '0194-abc',
      spanId: 's/1',
    });
    expect(tracesViewOf(traceHref('a b/c', 'x'))).toEqual({
      kind: 'trace',
      traceId: 'a b/c',
      spanId: 'x',
    });
  });

  it('round-trips every filter, the search and the sort through the URL', () => {
    const view: TraceListView = {
      ...DEFAULT_LIST_VIEW,
      range: 'custom',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-02T00:00:00.000Z',
      source: 'gateway',
      provider: 'openai',
      model: 'gpt-4o-mini',
      prompt: 'pv-1',
      status: 'error',
      minCost: 0.001,
      maxCost: 2,
      minLatency: 10,
      maxLatency: 5000,
      tags: ['prod', 'beta'],
      user: 'u 1',
      session: 's&1',
      q: 'refund "late order"',
      sort: 'cost',
      order: 'asc',
    };
    expect(listOf(listHref(view))).toEqual(view);
    expect(activeFilterCount(view)).toBe(13);
    expect(listHref(DEFAULT_LIST_VIEW)).toBe('/traces');
  });

  it('drops what it cannot read instead of failing', () => {
    const view = listOf(
      '/traces?range=2y&source=fax&status=meh&minCost=-1&maxLatency=abc&sort=size&order=up&from=never&tags=,a,,a,' +
        'x'.repeat(80),
    );
    expect(view).toEqual({ ...DEFAULT_LIST_VIEW, tags: ['a'] });
    expect(tracesViewOf('/traces/%E0%A4%A')).toEqual({ kind: 'list', list: DEFAULT_LIST_VIEW });
  });

  it('turns a view into a traces.list filter: presets count back from now', () => {
    const now = Date.UTC(2026, 5, 1, 12);
    expect(traceFilterOf({ ...DEFAULT_LIST_VIEW, range: '24h', q: '  hi ' }, now)).toEqual({
      from: new Date(now - 86_400_000).toISOString(),
      search: 'hi',
    });
    expect(traceFilterOf(DEFAULT_LIST_VIEW, now)).toEqual({});
    expect(
      traceFilterOf({ ...DEFAULT_LIST_VIEW, minLatency: 0, tags: ['x'], user: 'u' }, now),
    ).toEqual({ minLatencyMs: 0, tags: ['x'], userId: 'u' });
  });

  it('never throws on any hash (property)', () => {
    fc.assert(
      fc.property(fc.string(), (tail) => {
        const view = tracesViewOf(`/traces${tail}`);
        if (view.kind === 'list') traceFilterOf(view.list, 0);
      }),
    );
  });
});
