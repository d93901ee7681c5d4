import { describe, expect, it } from 'vitest';
import type { BoardRowView } from '../../../../shared/contract';
import { frontierChart } from './leaderboard-data';

const row = (over: Partial<BoardRowView>): BoardRowView => ({
  key: 'k',
  source: 'eval_run',
  runId: 'r',
  entries: 1,
  promptVersionId: null,
  promptName: null,
  promptVersion: null,
  label: 'p@v1.0',
  author: null,
  provider: 'openai',
  model: 'm',
  at: '2026-01-01T00:00:00.000Z',
  results: 10,
  scored: 10,
  unscored: 0,
  errors: 0,
  meanScore: 0.5,
  passRate: 0.5,
  costUsd: 1,
  costPer1kUsd: 100,
  unpricedResults: 0,
  latencyP50Ms: 100,
  latencyP95Ms: 200,
  frontier: { cost: true, latencyP50: true, latencyP95: false },
  ...over,
});

describe('frontierChart', () => {
  it('splits placed rows into the frontier (by x) and the dominated, and counts the rest', () => {
    const rows = [
      row({ key: 'b', costPer1kUsd: 300, meanScore: 0.9 }),
      row({ key: 'a', costPer1kUsd: 100, meanScore: 0.5 }),
      row({
        key: 'c',
        costPer1kUsd: 400,
        meanScore: 0.4,
        frontier: { cost: false, latencyP50: true, latencyP95: true },
      }),
      row({
        key: 'd',
        costPer1kUsd: null,
        frontier: { cost: null, latencyP50: true, latencyP95: true },
      }),
    ];
    const cost = frontierChart(rows, 'cost', 'p95');
    expect(cost.frontier.map((p) => p.key)).toEqual(['a', 'b']);
    expect(cost.dominated.map((p) => p.key)).toEqual(['c']);
    expect(cost.missing).toBe(1);
    const p95 = frontierChart(rows, 'latency', 'p95');
    expect(p95.frontier.map((p) => [p.key, p.x])).toEqual([
      ['c', 200],
      ['d', 200],
    ]);
    expect(p95.dominated).toHaveLength(2);
    expect(frontierChart(rows, 'latency', 'p50').frontier).toHaveLength(4);
  });
});
