import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, type ChartSize } from './ChartFrame.js';
import { formatCount, formatIndex } from './format.js';
import { type Meaning, meaningColor } from './palette.js';

export interface YearTrendSeries {
  key: string;
  label: string;
  meaning: Meaning;
  /** `index`: a ratio such as the gender parity index, read against the right-hand axis. */
  axis?: 'count' | 'index';
}

export interface YearTrendChartProps extends ChartSize {
  title: string;
  description: string;
  /** One point per year, oldest first; a missing or withheld value is null (a gap in its line). */
  points: ({ label: string } & Record<string, string | number | null>)[];
  series: YearTrendSeries[];
}

/** Measures of a place year by year: counts on the left axis, an index on the right. */
export function YearTrendChart({
  title,
  description,
  points,
  series,
  width,
  height,
}: YearTrendChartProps) {
  const size = width ? { width, height: height ?? 280 } : {};
  const withIndex = series.some((s) => s.axis === 'index');
  const formatOf = (key: string) =>
    series.find((s) => s.key === key)?.axis === 'index' ? formatIndex : formatCount;
  return (
    <ChartFrame title={title} description={description} width={width} height={height}>
      <LineChart
        data={points}
        accessibilityLayer={false}
        margin={{ top: 16, right: 16, bottom: 8, left: 8 }}
        {...size}
      >
        <CartesianGrid strokeDasharray="3 3" />
        {/* Every year labelled (recharts drops labels it finds crowded: six years lost two). */}
        <XAxis dataKey="label" interval={0} />
        <YAxis
          yAxisId="count"
          tickFormatter={(v: number) => formatCount(v)}
          width={72}
          allowDecimals={false}
        />
        {withIndex ? (
          <YAxis
            yAxisId="index"
            orientation="right"
            tickFormatter={(v: number) => formatIndex(v)}
            width={48}
            domain={[0, (max: number) => Math.max(1.2, Math.ceil(max * 10) / 10)]}
          />
        ) : null}
        <Tooltip
          formatter={(value, _name, item) => formatOf(String(item.dataKey))(Number(value))}
        />
        <Legend />
        {series.map((s) => (
          <Line
            key={s.key}
            yAxisId={s.axis === 'index' ? 'index' : 'count'}
            type="linear"
            dataKey={s.key}
            name={s.axis === 'index' ? `${s.label} (right axis)` : s.label}
            stroke={meaningColor(s.meaning)}
            strokeWidth={2}
            strokeDasharray={s.axis === 'index' ? '6 3' : undefined}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
