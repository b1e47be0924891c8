import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, type ChartSize } from './ChartFrame.js';
import { formatCount } from './format.js';
import { meaningColor } from './palette.js';

export interface PyramidRow {
  label: string;
  male: number;
  female: number;
}

export interface PopulationPyramidProps extends ChartSize {
  title: string;
  description: string;
  /** Youngest first: drawn at the bottom. */
  rows: PyramidRow[];
}

/** Males to the left, females to the right, one bar pair per grade. */
export function PopulationPyramid({
  title,
  description,
  rows,
  width,
  height,
}: PopulationPyramidProps) {
  const data = [...rows]
    .reverse()
    .map((r) => ({ label: r.label, male: -r.male, female: r.female }));
  const size = width ? { width, height: height ?? 360 } : {};
  return (
    <ChartFrame title={title} description={description} width={width} height={height ?? 360}>
      <BarChart
        data={data}
        layout="vertical"
        stackOffset="sign"
        barCategoryGap={2}
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        {...size}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          tickFormatter={(v: number) => formatCount(Math.abs(v))}
          allowDecimals={false}
        />
        <YAxis type="category" dataKey="label" width={140} interval={0} fontSize={12} />
        <Tooltip formatter={(value) => formatCount(Math.abs(Number(value)))} />
        <Legend />
        {(['male', 'female'] as const).map((key) => (
          <Bar
            key={key}
            dataKey={key}
            name={key === 'male' ? 'Male' : 'Female'}
            stackId="s"
            fill={meaningColor(key === 'male' ? 'MALE' : 'FEMALE')}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
