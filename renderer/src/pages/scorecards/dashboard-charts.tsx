import { Bar, BarChart, Line, LineChart } from 'recharts';
import type { DashboardGrader, ScorecardDashboard } from '../../../../shared/contract';
import { CHART_COLORS, ChartFrame } from '../../components/ui/chart';
import {
  DAY_CHART_MARGIN,
  dayAxes,
  formatValues,
  LINE_SERIES_PROPS,
  seriesColor,
} from '../../components/ui/day-chart';
import { fmtUsd } from '../../lib/format';
import { bucketPosition, costRows, histogramRows, meanRows } from './dashboard-data';
import type { Drill } from './scorecard-route';

/** Worst to best: red, amber, blue, green; unscored (no position) grey. */
const RAMP = [
  'var(--destructive)',
  CHART_COLORS.series3,
  CHART_COLORS.series2,
  CHART_COLORS.series1,
];
const bucketColor = (position: number | null) =>
  position === null
    ? CHART_COLORS.axis
    : RAMP[Math.min(RAMP.length - 1, Math.floor(position * RAMP.length))]!;
const pct = (v: number) => `${Math.round(v * 100)}%`;

interface GraderChartsProps {
  readonly dashboard: ScorecardDashboard;
  readonly grader: DashboardGrader;
  readonly label: (key: string | null) => string;
  readonly onDrill: (drill: Drill) => void;
}

/**
 * One grader's mean normalized score per day (a line per split value) and its scores per day
 * by bucket. A click on a day of the line opens that day's targets (of that split value when
 * split); a click on a bar segment opens that bucket's.
 */
export function GraderCharts({ dashboard, grader, label, onDrill }: GraderChartsProps) {
  const mean = meanRows(dashboard, grader.graderId);
  const histogram = histogramRows(dashboard, grader.graderId);
  const split = dashboard.split !== 'none';
  return (
    <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
      <ChartFrame
        title="Mean score"
        description="normalized, 1 is best"
        testId={`chart-mean-${grader.graderId}`}
      >
        <LineChart
          data={mean.rows}
          margin={DAY_CHART_MARGIN}
          onClick={(state) => {
            const day = typeof state.activeLabel === 'string' ? state.activeLabel : null;
            if (!day) return;
            const s = mean.series.find((x) => x.dataKey === state.activeDataKey);
            onDrill({
              grader: grader.graderId,
              day,
              bucket: null,
              key: split && s ? s.key : undefined,
            });
          }}
        >
          {dayAxes({
            yWidth: 44,
            yFormat: pct,
            yDomain: [0, 1],
            tooltip: formatValues((v) => v.toFixed(3)),
            legend: split,
          })}
          {mean.series.map((s, i) => (
            <Line
              key={s.dataKey}
              dataKey={s.dataKey}
              name={label(s.key)}
              stroke={seriesColor(i)}
              {...LINE_SERIES_PROPS}
            />
          ))}
        </LineChart>
      </ChartFrame>
      <ChartFrame
        title="Scores by bucket"
        description="per day; click a segment for its targets"
        testId={`chart-histogram-${grader.graderId}`}
      >
        <BarChart data={histogram.rows} margin={DAY_CHART_MARGIN}>
          {dayAxes({ yWidth: 44, yAllowDecimals: false, legend: true })}
          {histogram.series.map((s) => (
            <Bar
              key={s.dataKey}
              dataKey={s.dataKey}
              name={s.label}
              stackId="buckets"
              fill={bucketColor(bucketPosition(grader.scoreConfig, s.key))}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(item) => {
                const day = (item.payload as { day?: unknown } | undefined)?.day;
                if (typeof day === 'string')
                  onDrill({ grader: grader.graderId, day, bucket: s.key, key: undefined });
              }}
            />
          ))}
        </BarChart>
      </ChartFrame>
    </div>
  );
}

/** The judge cost of the scorecard's graders per day. */
export function CostChart({ dashboard }: { dashboard: ScorecardDashboard }) {
  return (
    <ChartFrame
      title="Judge cost"
      description="USD per day, every grader"
      height={160}
      testId="chart-judge-cost"
    >
      <BarChart data={costRows(dashboard)} margin={DAY_CHART_MARGIN}>
        {dayAxes({
          yWidth: 72,
          yFormat: (v) => fmtUsd(v),
          tooltip: (v) => [typeof v === 'number' ? fmtUsd(v) : 'unpriced', 'cost'],
          legend: false,
        })}
        <Bar dataKey="cost" fill={CHART_COLORS.series1} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
