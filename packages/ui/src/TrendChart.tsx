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
import { seriesColor } from './palette.js';

export interface TrendChartProps extends ChartSize {
  title: string;
  description: string;
  points: { label: string; value: number }[];
  valueLabel: string;
  /** A level the line climbs towards (e.g. last year's enrollment), drawn dashed. */
  target?: { value: number; label: string } | null;
}

/** A cumulative line over days, against an optional target. */
export function TrendChart({
  title,
  description,
  points,
  valueLabel,
  target,
  width,
  height,
}: TrendChartProps) {
  const size = width ? { width, height: height ?? 280 } : {};
  const top = Math.max(target?.value ?? 0, ...points.map((p) => p.value));
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
        <YAxis tickFormatter={(v: number) => formatCount(v)} width={72} domain={[0, top || 1]} />
        <Tooltip formatter={(value) => formatCount(Number(value))} />
        <Legend />
        <Line
          type="monotone"
          dataKey="value"
          name={valueLabel}
          stroke={seriesColor(0)}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        {target ? (
          <ReferenceLine
            y={target.value}
            stroke={seriesColor(1)}
            strokeDasharray="6 4"
            label={{ value: target.label, position: 'insideTopLeft', fill: '#1b1f24' }}
          />
        ) : null}
      </LineChart>
    </ChartFrame>
  );
}
