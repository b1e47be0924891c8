import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, type ChartSize } from './ChartFrame.js';
import { formatCount } from './format.js';
import { type Meaning, meaningColor } from './palette.js';

export interface Series {
  key: string;
  label: string;
  /** What the series counts (MALE, OSY, LEARNERS…): its colour, the same in every chart. */
  meaning: Meaning;
}

export interface CategoryBarChartProps extends ChartSize {
  title: string;
  description: string;
  /**
   * One entry per bar group: its label and a number per series key; a group's own `meaning` (one
   * series only, e.g. each learner category) colours its bar instead of the series'.
   */
  data: ({ label: string; meaning?: Meaning } & Record<string, number | string>)[];
  series: Series[];
  stacked?: boolean;
  /** Bars across (long labels, many groups) rather than up. */
  horizontal?: boolean;
  /** Room for the category labels of a horizontal chart, in px. */
  labelWidth?: number;
}

const tick = (value: number) => formatCount(value);

/** Bars per category, coloured by meaning; counts on whole-number ticks. */
export function CategoryBarChart({
  title,
  description,
  data,
  series,
  stacked,
  horizontal,
  labelWidth = 110,
  width,
  height,
}: CategoryBarChartProps) {
  const size = width ? { width, height: height ?? 280 } : {};
  return (
    <ChartFrame title={title} description={description} width={width} height={height}>
      <BarChart
        data={data}
        layout={horizontal ? 'vertical' : 'horizontal'}
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, bottom: 8, left: horizontal ? 24 : 8 }}
        {...size}
      >
        <CartesianGrid strokeDasharray="3 3" />
        {horizontal ? (
          <>
            <XAxis type="number" tickFormatter={tick} allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={labelWidth} interval={0} fontSize={12} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" interval={0} />
            <YAxis tickFormatter={tick} width={72} allowDecimals={false} />
          </>
        )}
        <Tooltip formatter={(value) => formatCount(Number(value))} />
        {series.length > 1 ? <Legend /> : null}
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={meaningColor(s.meaning)}
            stackId={stacked ? 'stack' : undefined}
            isAnimationActive={false}
          >
            {series.length === 1
              ? data.map((row) => (
                  <Cell key={row.label} fill={meaningColor(row.meaning ?? s.meaning)} />
                ))
              : null}
          </Bar>
        ))}
      </BarChart>
    </ChartFrame>
  );
}
