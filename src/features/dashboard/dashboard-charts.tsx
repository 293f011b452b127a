import { BarChart, LineChart } from '@mantine/charts';
import { useNavigate } from 'react-router';
import type { LinkedPart } from './chart-card.tsx';
import { formatCount, type DayPoint } from './dashboard-stats.ts';
import classes from './dashboard.module.css';

// The charts themselves (Mantine charts over recharts). They are pictures for the mouse: each bar or dot opens
// the list filtered to it, and the table beside each chart offers the same links to the keyboard. recharts'
// own keyboard layer is off: its focusable SVG inside the card's role="img" would be a nested interactive
// element, and arrow keys over bars add nothing the table does not give.

const LABEL_MAX = 16;

/** Long server names would eat the plot; the table beside the chart shows them in full. */
function shortLabel(value: unknown): string {
  const text = String(value);
  return text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;
}

/** "7–14 d" -> "7–14": six columns of a half-width card have no room for the unit (the subtitle names it). */
function withoutUnit(value: unknown): string {
  return String(value).replace(/\s*d$/, '');
}

function useOpen(): (href: string | null | undefined) => void {
  const navigate = useNavigate();
  return (href) => {
    if (href) void navigate(href);
  };
}

export interface PartsBarChartProps {
  parts: readonly LinkedPart[];
  /** 'horizontal' bars (names on the left) suit long names; 'columns' suit short ones (age brackets). */
  layout: 'horizontal' | 'columns';
}

/** One bar per part; clicking a bar opens its list. */
export function PartsBarChart({ parts, layout }: PartsBarChartProps) {
  const open = useOpen();
  const data = parts.map((part) => ({ label: part.label, tickets: part.count }));
  const horizontal = layout === 'horizontal';
  const height = horizontal ? Math.max(120, parts.length * 34 + 40) : 220;
  return (
    <BarChart
      h={height}
      data={data}
      dataKey="label"
      series={[{ name: 'tickets', label: 'Tickets', color: 'var(--dash-bar)' }]}
      orientation={horizontal ? 'vertical' : 'horizontal'}
      gridAxis={horizontal ? 'y' : 'x'}
      accessibilityLayer={false}
      withBarValueLabel
      maxBarWidth={horizontal ? 22 : 48}
      tooltipAnimationDuration={0}
      valueFormatter={formatCount}
      yAxisProps={
        horizontal ? { width: 128, tickFormatter: shortLabel, interval: 0 } : { allowDecimals: false }
      }
      xAxisProps={horizontal ? { allowDecimals: false } : { interval: 0, tickFormatter: withoutUnit }}
      barProps={{
        isAnimationActive: false,
        onClick: (_bar, index) => open(parts[index]?.href),
      }}
    />
  );
}

export interface OpenedClosedChartProps {
  points: readonly DayPoint[];
  hrefOf: (series: 'opened' | 'closed', point: DayPoint) => string | null;
}

interface DotRenderProps {
  cx?: number;
  cy?: number;
  index?: number;
  stroke?: string;
}

/** Tickets opened and closed per day; clicking a day's dot opens that day's opened (or closed) tickets. */
export function OpenedClosedChart({ points, hrefOf }: OpenedClosedChartProps) {
  const open = useOpen();
  const data = points.map((point) => ({ label: point.label, opened: point.opened, closed: point.closed }));

  const dot = (series: 'opened' | 'closed', radius: number) =>
    function Dot({ cx, cy, index, stroke }: DotRenderProps) {
      if (cx === undefined || cy === undefined || index === undefined) return <g />;
      const point = points[index];
      return (
        <circle
          key={`${series}-${index}`}
          cx={cx}
          cy={cy}
          r={radius}
          fill={stroke}
          stroke="var(--mantine-color-body)"
          strokeWidth={1}
          className={classes.clickableDot}
          onClick={() => (point ? open(hrefOf(series, point)) : undefined)}
        />
      );
    };

  return (
    <LineChart
      h={240}
      data={data}
      dataKey="label"
      series={[
        { name: 'opened', label: 'Opened', color: 'var(--dash-opened)' },
        { name: 'closed', label: 'Closed', color: 'var(--dash-closed)', strokeDasharray: '6 4' },
      ]}
      curveType="linear"
      withLegend
      legendProps={{ verticalAlign: 'top', height: 32 }}
      accessibilityLayer={false}
      tooltipAnimationDuration={0}
      strokeWidth={2}
      yAxisProps={{ allowDecimals: false }}
      xAxisProps={{ minTickGap: 16 }}
      lineProps={(series) => {
        const name = series.name === 'closed' ? 'closed' : 'opened';
        return { isAnimationActive: false, dot: dot(name, 3), activeDot: dot(name, 6) };
      }}
    />
  );
}
