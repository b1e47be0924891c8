import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame, type ChartSize } from './ChartFrame.js';
import { formatCount } from './format.js';
import { type Meaning, meaningColor } from './palette.js';

export interface TrendChartProps extends ChartSize {
  title: string;
  description: string;
  /** `previous`: the same point of the period compared (e.g. last year's same day), if any. */
  points: { label: string; value: number; previous?: number | null }[];
  valueLabel: string;
  /** What the line counts: its colour (this year's by default). */
  meaning?: Meaning;
  /** Draws the points' `previous` as a dashed line of its own, in last year's colour. */
  previousLabel?: string;
  /** A level the line climbs towards (e.g. last year's enrollment), drawn dotted. */
  target?: { value: number; label: string } | null;
}

/** A line over days, against the period before and an optional target; whole-number ticks. */
export function TrendChart({
  title,
  description,
  points,
  valueLabel,
  meaning = 'THIS_YEAR',
  previousLabel,
  target,
  width,
  height,
}: TrendChartProps) {
  const size = width ? { width, height: height ?? 280 } : {};
  const top = Math.max(
    target?.value ?? 0,
    ...points.map((p) => Math.max(p.value, previousLabel ? (p.previous ?? 0) : 0)),
  );
  return (
    <ChartFrame title={title} description={description} width={width} height={height}>
      <LineChart
        data={points}
        accessibilityLayer={false}
        margin={{ top: 16, right: 24, bottom: 8, left: 8 }}
        {...size}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" minTickGap={16} />
        <YAxis
          tickFormatter={(v: number) => formatCount(v)}
          width={72}
          domain={[0, top || 1]}
          allowDecimals={false}
        />
        <Tooltip formatter={(value) => formatCount(Number(value))} />
        <Legend />
        <Line
          type="monotone"
          dataKey="value"
          name={valueLabel}
          stroke={meaningColor(meaning)}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        {previousLabel ? (
          <Line
            type="monotone"
            dataKey="previous"
            name={previousLabel}
            stroke={meaningColor('LAST_YEAR')}
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        ) : null}
        {target ? (
          <ReferenceLine
            y={target.value}
            stroke={meaningColor('LAST_YEAR')}
            strokeDasharray="2 4"
            label={{ value: target.label, position: 'insideTopLeft', fill: '#1b1f24' }}
          />
        ) : null}
      </LineChart>
    </ChartFrame>
  );
}
