import {
  CartesianGrid,
  Line,
  LineChart,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BoardRowView, HistoryPointView } from '../../../../shared/contract';
import { AXIS_PROPS, CHART_COLORS, ChartFrame, TOOLTIP_STYLE } from '../../components/ui/chart';
import { fmtMs, fmtUsd } from '../../lib/format';
import { frontierChart, type BoardPoint, type ChartAxis } from './leaderboard-data';
import type { LatencyBasis } from './leaderboard-route';

const MARGIN = { top: 8, right: 16, bottom: 4, left: 0 };
const score = (v: number) => v.toFixed(2);

function PointTooltip({
  active,
  payload,
  format,
}: {
  active?: boolean;
  payload?: readonly { payload?: BoardPoint }[];
  format: (x: number) => string;
}) {
  const point = active ? payload?.[0]?.payload : undefined;
  if (!point) return null;
  return (
    <div style={TOOLTIP_STYLE.contentStyle} className="px-2 py-1">
      <div className="font-medium">{point.label}</div>
      <div className="text-muted-foreground">{point.model}</div>
      <div>
        score {point.y.toFixed(3)} · {format(point.x)}
      </div>
    </div>
  );
}

interface FrontierChartProps {
  readonly rows: readonly BoardRowView[];
  readonly axis: ChartAxis;
  readonly latency: LatencyBasis;
}

/**
 * Score against cost per 1,000 (or latency): the frontier's points in colour joined by a step
 * line (the best score to be had at that cost or less), dominated rows greyed. Rows without a
 * score or the axis's value cannot be placed; the caption says how many.
 */
export function FrontierChart({ rows, axis, latency }: FrontierChartProps) {
  const { frontier, dominated, missing } = frontierChart(rows, axis, latency);
  const format = axis === 'cost' ? (x: number) => `${fmtUsd(x)} / 1,000` : (x: number) => fmtMs(x);
  const title =
    axis === 'cost' ? 'Score against cost per 1,000' : `Score against ${latency} latency`;
  return (
    <ChartFrame
      title={title}
      description={`${frontier.length} on the frontier, ${dominated.length} dominated${missing > 0 ? `, ${missing} not placed (no score or ${axis === 'cost' ? 'price' : 'latency'})` : ''}`}
      height={240}
      testId={`leaderboard-chart-${axis}`}
    >
      <ScatterChart margin={MARGIN}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="x"
          name={axis}
          // From 0: how far a point is from free or instant reads at a glance.
          domain={[0, 'auto']}
          tickFormatter={(x: number) => (axis === 'cost' ? fmtUsd(x) : fmtMs(x))}
          {...AXIS_PROPS}
        />
        <YAxis
          type="number"
          dataKey="y"
          name="score"
          domain={[0, 1]}
          width={36}
          tickFormatter={score}
          {...AXIS_PROPS}
        />
        <Tooltip content={<PointTooltip format={format} />} cursor={{ strokeDasharray: '3 3' }} />
        <Scatter
          name="dominated"
          data={dominated}
          fill={CHART_COLORS.axis}
          fillOpacity={0.35}
          isAnimationActive={false}
          data-testid="leaderboard-dominated"
        />
        <Scatter
          name="frontier"
          data={frontier}
          fill={CHART_COLORS.series1}
          line={{ stroke: CHART_COLORS.series1, strokeWidth: 2 }}
          lineType="joint"
          lineJointType="stepAfter"
          isAnimationActive={false}
        />
      </ScatterChart>
    </ChartFrame>
  );
}

/**
 * The board over time: the best score after each completion (a step up when a better version
 * or model lands) and how many rows were on the score/cost frontier then.
 */
export function HistoryChart({ points }: { points: readonly HistoryPointView[] }) {
  const data = points.map((p) => ({
    at: Date.parse(p.at),
    best: p.bestScore,
    frontier: p.frontierSize,
    holder: p.best ? `${p.best.label} · ${p.best.provider}:${p.best.model}` : 'nothing scored',
    completed: p.completed.map((c) => `${c.label} · ${c.provider}:${c.model}`).join(', '),
  }));
  return (
    <ChartFrame
      title="Best score over time"
      description="after each completed run; the dashed line is the frontier's size"
      height={200}
      testId="leaderboard-history"
    >
      <LineChart data={data} margin={MARGIN}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
        <XAxis
          dataKey="at"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={(t: number) => new Date(t).toLocaleString()}
          {...AXIS_PROPS}
        />
        <YAxis yAxisId="score" domain={[0, 1]} width={36} tickFormatter={score} {...AXIS_PROPS} />
        <YAxis
          yAxisId="size"
          orientation="right"
          allowDecimals={false}
          width={28}
          {...AXIS_PROPS}
        />
        <Tooltip
          {...TOOLTIP_STYLE}
          formatter={(v, name, item) => {
            const row = (item as { payload?: (typeof data)[number] }).payload;
            if (name === 'best score')
              return [`${typeof v === 'number' ? v.toFixed(3) : '-'} (${row?.holder ?? ''})`, name];
            return [String(v), String(name)];
          }}
          labelFormatter={(label, payload) => {
            const row = payload?.[0]?.payload as (typeof data)[number] | undefined;
            const when = new Date(Number(label)).toLocaleString();
            return row ? `${when}: ${row.completed}` : when;
          }}
        />
        <Line
          yAxisId="score"
          dataKey="best"
          name="best score"
          type="stepAfter"
          stroke={CHART_COLORS.series1}
          strokeWidth={2}
          dot={{ r: 2 }}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line
          yAxisId="size"
          dataKey="frontier"
          name="on the frontier"
          type="stepAfter"
          stroke={CHART_COLORS.series2}
          strokeDasharray="4 3"
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
