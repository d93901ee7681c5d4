import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunView } from '../../../../shared/contract';
import { AXIS_PROPS, CHART_COLORS, ChartFrame, TOOLTIP_STYLE } from '../../components/ui/chart';
import { fmtUsd } from './format';
import { scoredPassRate } from './live-counts';

export interface RunPoint {
  readonly id: string;
  readonly name: string;
  /** When the run started (created, if it never did), in ms. */
  readonly at: number;
  /** Percent of the scored results; null when nothing was scored (no point, never 0%). */
  readonly passRate: number | null;
  /** Prompt plus judge cost; null when the prompt calls had no price. */
  readonly costUsd: number | null;
}

/** The runs of a dataset as points in time, oldest first. */
export function runPoints(runs: readonly RunView[]): RunPoint[] {
  return runs
    .map((run) => {
      const rate = scoredPassRate(run.totals);
      const prompt = run.totals.promptCostUsd;
      return {
        id: run.id,
        name: run.name,
        at: Date.parse(run.startedAt ?? run.createdAt),
        passRate: rate === null ? null : Math.round(rate * 1000) / 10,
        costUsd: prompt === null ? null : prompt + run.totals.judgeCostUsd,
      };
    })
    .filter((p) => !Number.isNaN(p.at))
    .sort((a, b) => a.at - b.at);
}

const fmtTime = (ms: number) =>
  new Date(ms).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** At most this many time ticks on the x axis. */
const MAX_TICKS = 5;

/**
 * The x axis of a set of points. Ticks are chosen here, each a distinct time: the runs of one
 * group start in the same millisecond, and Recharts' own ticks over a span that small repeat
 * one value (and its React key). One time alone gets a minute either side.
 */
export function timeAxis(points: readonly RunPoint[]) {
  const times = [...new Set(points.map((p) => p.at))];
  const min = Math.min(...times);
  const max = Math.max(...times);
  const domain: [number, number] = min === max ? [min - 60_000, max + 60_000] : [min, max];
  const ticks =
    times.length <= MAX_TICKS
      ? times
      : Array.from({ length: MAX_TICKS }, (_, i) =>
          Math.round(min + ((max - min) * i) / (MAX_TICKS - 1)),
        );
  return {
    dataKey: 'at',
    type: 'number',
    scale: 'time',
    domain,
    ticks,
    tickFormatter: fmtTime,
    ...AXIS_PROPS,
  } as const;
}

/** Pass rate and cost of each run of one dataset over time, as two small charts. */
export function RunsChart({ runs, dataset }: { runs: readonly RunView[]; dataset: string }) {
  const points = runPoints(runs);
  if (points.length === 0) return null;
  const xAxis = timeAxis(points);
  const label = (_: unknown, payload: readonly { payload?: RunPoint }[]) =>
    payload[0]?.payload ? `${payload[0].payload.name} · ${fmtTime(payload[0].payload.at)}` : '';
  return (
    <div
      className="grid grid-cols-1 gap-2 lg:grid-cols-2"
      data-testid="runs-chart"
      data-points={points.length}
    >
      <ChartFrame
        title="Pass rate"
        description={`% of scored results, runs of ${dataset}`}
        height={160}
        testId="runs-chart-pass-rate"
      >
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
          <XAxis {...xAxis} />
          <YAxis {...AXIS_PROPS} domain={[0, 100]} unit="%" width={44} />
          <Tooltip
            {...TOOLTIP_STYLE}
            labelFormatter={label}
            formatter={(value) => [`${String(value)}%`, 'pass rate']}
          />
          <Line
            dataKey="passRate"
            stroke={CHART_COLORS.series1}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ChartFrame>
      <ChartFrame
        title="Cost"
        description="USD per run, prompt and judge"
        height={160}
        testId="runs-chart-cost"
      >
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
          <XAxis {...xAxis} />
          <YAxis {...AXIS_PROPS} width={76} tickFormatter={(v: number) => fmtUsd(v)} />
          <Tooltip
            {...TOOLTIP_STYLE}
            labelFormatter={label}
            formatter={(value) => [fmtUsd(typeof value === 'number' ? value : null), 'cost']}
          />
          <Line
            dataKey="costUsd"
            stroke={CHART_COLORS.series2}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ChartFrame>
    </div>
  );
}
