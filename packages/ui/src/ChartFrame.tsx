import { type ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

export interface ChartSize {
  /** Fixed width in px; fills its container when omitted. */
  width?: number;
  height?: number;
}

export interface ChartFrameProps extends ChartSize {
  title: string;
  /** What the chart shows, for screen readers (the figures are also in a table nearby). */
  description: string;
  children: ReactElement;
}

/** A titled figure around a recharts chart, drawn at a fixed size or filling its container. */
export function ChartFrame({ title, description, width, height = 280, children }: ChartFrameProps) {
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <div className="chart__body" role="img" aria-label={description} style={{ height }}>
        {width ? (
          <div style={{ width, height }}>{children}</div>
        ) : (
          <ResponsiveContainer width="100%" height={height}>
            {children}
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
