import { Bar, BarChart, Line, LineChart } from 'recharts';
import type { TraceStats } from '../../../../shared/contract/trace-insights';
import { ChartFrame } from '../../components/ui/chart';
import {
  DAY_CHART_MARGIN,
  dayAxes,
  formatValues,
  LINE_SERIES_PROPS,
  seriesColor,
} from '../../components/ui/day-chart';
import { fmtCount, fmtMs, fmtUsd } from '../../lib/format';
import { chartGroups, dailyRows, type ChartGroup, type Metric } from './dashboard-data';

interface MetricChartProps {
  readonly stats: TraceStats;
  readonly groups: readonly ChartGroup[];
  readonly metric: Metric;
  readonly title: string;
  readonly description: string;
  readonly testId: string;
  readonly format: (v: number) => string;
  /** Stacked bars (amounts that add up) or one line per group (rates, percentiles). */
  readonly shape: 'stack' | 'lines';
}

function MetricChart({
  stats,
  groups,
  metric,
  title,
  description,
  testId,
  format,
  shape,
}: MetricChartProps) {
  const rows = dailyRows(stats, metric);
  const axes = dayAxes({
    yWidth: 72,
    yFormat: format,
    tooltip: formatValues(format),
    legend: true,
  });
  return (
    <ChartFrame title={title} description={description} height={200} testId={testId}>
      {shape === 'stack' ? (
        <BarChart data={rows} margin={DAY_CHART_MARGIN}>
          {axes}
          {groups.map((g, i) => (
            <Bar
              key={g.key}
              dataKey={g.key}
              name={g.label}
              stackId="groups"
              fill={seriesColor(i)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      ) : (
        <LineChart data={rows} margin={DAY_CHART_MARGIN}>
          {axes}
          {groups.map((g, i) => (
            <Line
              key={g.key}
              dataKey={g.key}
              name={g.label}
              stroke={seriesColor(i)}
              {...LINE_SERIES_PROPS}
            />
          ))}
        </LineChart>
      )}
    </ChartFrame>
  );
}

const usd = (v: number) => fmtUsd(v);
const percent = (v: number) => `${Math.round(v * 10) / 10}%`;

/** The dashboard's five charts per day, by group (loaded lazily: Recharts is most of its weight). */
export function DashboardCharts({ stats }: { stats: TraceStats }) {
  const groups = chartGroups(stats);
  const common = { stats, groups };
  return (
    <div className="grid grid-cols-1 gap-3 xl:grid-cols-2" data-testid="dashboard-charts">
      <MetricChart
        {...common}
        metric="costUsd"
        title="Cost"
        description="USD per day (priced calls)"
        testId="chart-cost"
        format={usd}
        shape="stack"
      />
      <MetricChart
        {...common}
        metric="tokens"
        title="Tokens"
        description="input + output per day"
        testId="chart-tokens"
        format={fmtCount}
        shape="stack"
      />
      <MetricChart
        {...common}
        metric="calls"
        title="Calls"
        description="LLM calls per day"
        testId="chart-calls"
        format={fmtCount}
        shape="stack"
      />
      <MetricChart
        {...common}
        metric="errorRate"
        title="Error rate"
        description="% of calls that failed"
        testId="chart-error-rate"
        format={percent}
        shape="lines"
      />
      <MetricChart
        {...common}
        metric="p95LatencyMs"
        title="p95 latency"
        description="per day"
        testId="chart-p95"
        format={(v) => fmtMs(v)}
        shape="lines"
      />
    </div>
  );
}
