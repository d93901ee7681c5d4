import type { ComponentProps, ReactElement } from 'react';
import { CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_PROPS, CHART_COLORS, TOOLTIP_STYLE } from './chart';

/**
 * The parts every chart over UTC days shares (the cost dashboard, a scorecard's dashboard):
 * series colours, margins, a day axis, a y axis, the tooltip and the legend.
 */

const PALETTE = [
  CHART_COLORS.series1,
  CHART_COLORS.series2,
  CHART_COLORS.series3,
  CHART_COLORS.series4,
  CHART_COLORS.axis,
];

/** The i-th series' colour; past the palette the colours come round again. */
export const seriesColor = (i: number): string => PALETTE[i % PALETTE.length]!;

export const DAY_CHART_MARGIN = { top: 8, right: 12, bottom: 0, left: 0 };

/** A line per series: its points marked, a day without a value left a gap (never a 0). */
export const LINE_SERIES_PROPS = {
  strokeWidth: 2,
  dot: { r: 2 },
  connectNulls: false,
  isAnimationActive: false,
} as const;

type TooltipFormatter = ComponentProps<typeof Tooltip>['formatter'];

/** A tooltip that shows numbers as `format` writes them, under their series' name. */
export const formatValues =
  (format: (v: number) => string): TooltipFormatter =>
  (v, name) => [typeof v === 'number' ? format(v) : String(v), String(name)];

interface DayAxesOptions {
  readonly yWidth: number;
  readonly yFormat?: (v: number) => string;
  readonly yDomain?: [number, number];
  /** False for counts. */
  readonly yAllowDecimals?: boolean;
  /** The tooltip's text of a value; Recharts' own without it. */
  readonly tooltip?: TooltipFormatter;
  readonly legend: boolean;
}

const shortDay = (day: string) => day.slice(5);

/**
 * The grid, the x axis of days (`day` of each row, shown as MM-DD), the y axis, the tooltip and
 * the legend. A fragment for a Recharts chart's children, not a component: Recharts reads its
 * axes from the elements it is given.
 */
export function dayAxes(options: DayAxesOptions): ReactElement {
  return (
    <>
      <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
      <XAxis dataKey="day" tickFormatter={shortDay} {...AXIS_PROPS} />
      <YAxis
        {...AXIS_PROPS}
        width={options.yWidth}
        tickFormatter={options.yFormat}
        domain={options.yDomain}
        allowDecimals={options.yAllowDecimals}
      />
      <Tooltip {...TOOLTIP_STYLE} formatter={options.tooltip} />
      {options.legend ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
    </>
  );
}
