import { Cell, Legend, Pie, PieChart, Tooltip } from 'recharts';
import { ChartFrame, type ChartSize } from './ChartFrame.js';
import { formatCount } from './format.js';
import { seriesColor } from './palette.js';

export interface ShareChartProps extends ChartSize {
  title: string;
  description: string;
  slices: { label: string; value: number }[];
}

/** Parts of a whole as a ring (e.g. learners by sector). */
export function ShareChart({ title, description, slices, width, height }: ShareChartProps) {
  const size = width ? { width, height: height ?? 280 } : {};
  return (
    <ChartFrame title={title} description={description} width={width} height={height}>
      <PieChart accessibilityLayer={false} {...size}>
        <Pie
          data={slices}
          dataKey="value"
          nameKey="label"
          innerRadius="45%"
          outerRadius="75%"
          isAnimationActive={false}
        >
          {slices.map((slice, index) => (
            <Cell key={slice.label} fill={seriesColor(index)} />
          ))}
        </Pie>
        <Tooltip formatter={(value) => formatCount(Number(value))} />
        <Legend />
      </PieChart>
    </ChartFrame>
  );
}
