import type { BoardRowView } from '../../../../shared/contract';
import type { LatencyBasis } from './leaderboard-route';

/** One row as a point of a chart: its score against cost per 1,000 or latency. */
export interface BoardPoint {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly model: string;
}

export type ChartAxis = 'cost' | 'latency';

/**
 * The rows a chart can place (a score and the axis's value), split into the frontier (sorted
 * by x, drawn as a step line: the best score to be had at that cost or latency) and the
 * dominated ones (greyed); `missing` counts the rows it cannot place, which the chart says.
 */
export function frontierChart(
  rows: readonly BoardRowView[],
  axis: ChartAxis,
  latency: LatencyBasis,
): { frontier: BoardPoint[]; dominated: BoardPoint[]; missing: number } {
  const frontier: BoardPoint[] = [];
  const dominated: BoardPoint[] = [];
  let missing = 0;
  for (const r of rows) {
    const x =
      axis === 'cost' ? r.costPer1kUsd : latency === 'p50' ? r.latencyP50Ms : r.latencyP95Ms;
    const flag =
      axis === 'cost'
        ? r.frontier.cost
        : latency === 'p50'
          ? r.frontier.latencyP50
          : r.frontier.latencyP95;
    if (x === null || r.meanScore === null || flag === null) {
      missing++;
      continue;
    }
    const point = {
      key: r.key,
      x,
      y: r.meanScore,
      label: r.label,
      model: `${r.provider}:${r.model}`,
    };
    (flag ? frontier : dominated).push(point);
  }
  frontier.sort((a, b) => a.x - b.x || a.y - b.y);
  return { frontier, dominated, missing };
}
