import type { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import { cn } from '../../lib/utils';

/**
 * Charts are Recharts (declarative React components over SVG, line/area/scatter/bar in one
 * library, themable through CSS variables); this frame gives every chart its title, a fixed
 * height, and the theme's axis and grid colours.
 */
export const CHART_COLORS = {
  series1: 'var(--chart-1)',
  series2: 'var(--chart-2)',
  series3: 'var(--chart-3)',
  series4: 'var(--chart-4)',
  grid: 'var(--border)',
  axis: 'var(--muted-foreground)',
} as const;

/** Props for Recharts axes so they read in both themes. */
export const AXIS_PROPS = {
  stroke: CHART_COLORS.axis,
  fontSize: 11,
  tickLine: false,
} as const;

interface ChartFrameProps {
  readonly title: string;
  readonly description?: ReactNode;
  readonly height?: number;
  readonly className?: string;
  readonly testId?: string;
  /** One Recharts chart element (LineChart, ScatterChart, ...). */
  readonly children: ReactElement;
}

export function ChartFrame({
  title,
  description,
  height = 200,
  className,
  testId,
  children,
}: ChartFrameProps) {
  return (
    <figure
      className={cn('grid gap-1 rounded-md border p-3', className)}
      data-testid={testId}
      aria-label={title}
    >
      <figcaption className="text-xs font-medium">
        {title}
        {description ? (
          <span className="ml-2 font-normal text-muted-foreground">{description}</span>
        ) : null}
      </figcaption>
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** The tooltip box of every chart, in the popover's colours. */
export const TOOLTIP_STYLE = {
  contentStyle: {
    background: 'var(--popover)',
    border: '1px solid var(--border)',
    borderRadius: 6,
    fontSize: 12,
    color: 'var(--popover-foreground)',
  },
  labelStyle: { color: 'var(--muted-foreground)' },
} as const;
