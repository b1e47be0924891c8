import { Cell, Legend, Pie, PieChart, type PieLabelRenderProps, Tooltip } from 'recharts';
import { ChartFrame, type ChartSize } from './ChartFrame.js';
import { formatCount, formatPercent } from './format.js';
import { type Meaning, meaningColor } from './palette.js';

export interface ShareChartProps extends ChartSize {
  title: string;
  description: string;
  /** Each slice coloured by what it means (e.g. PUBLIC), the same on every page. */
  slices: { label: string; value: number; meaning: Meaning }[];
}

/** A slice's count and share beside it: a ring alone shows no figure (issue 21). */
function SliceValue({ x, y, textAnchor, value, percent }: PieLabelRenderProps) {
  return (
    <text
      x={x}
      y={y}
      textAnchor={textAnchor}
      dominantBaseline="central"
      fill="#1b1f24"
      fontSize={12}
      className="share-chart__value"
    >
      {`${formatCount(Number(value))} (${formatPercent(Number(percent ?? 0))})`}
    </text>
  );
}

/** Parts of a whole as a ring (e.g. learners by sector), each slice labelled with its figures. */
export function ShareChart({ title, description, slices, width, height }: ShareChartProps) {
  const size = width ? { width, height: height ?? 280 } : {};
  return (
    <ChartFrame title={title} description={description} width={width} height={height}>
      <PieChart accessibilityLayer={false} {...size}>
        <Pie
          data={slices}
          dataKey="value"
          nameKey="label"
          innerRadius="40%"
          outerRadius="62%"
          label={SliceValue}
          labelLine
          isAnimationActive={false}
        >
          {slices.map((slice) => (
            <Cell key={slice.label} fill={meaningColor(slice.meaning)} />
          ))}
        </Pie>
        <Tooltip formatter={(value) => formatCount(Number(value))} />
        <Legend />
      </PieChart>
    </ChartFrame>
  );
}
