import { formatCount } from './format.js';
import { meaningColor } from './palette.js';

export interface RankedBar {
  label: string;
  value: number;
}

export interface RankedBarsProps {
  title: string;
  /** What the bars leave out, e.g. "Top 15 of 1,339 groups; all in the table below". */
  note?: string;
  bars: RankedBar[];
}

/**
 * The largest groups as bars across, one line each: a long label is cut with an ellipsis on
 * screen and given whole as its title, so labels never overlap however many groups there are
 * (issue 21: 1,339 schools' names drawn over each other). A list, so a screen reader reads each
 * label with its figure.
 */
export function RankedBars({ title, note, bars }: RankedBarsProps) {
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <figure className="chart ranked-bars">
      <figcaption className="chart__title">{title}</figcaption>
      {note ? <p className="note ranked-bars__note">{note}</p> : null}
      <ol className="ranked-bars__list">
        {bars.map((bar, index) => (
          <li key={`${index}-${bar.label}`} className="ranked-bars__row">
            <span className="ranked-bars__label" title={bar.label}>
              {bar.label}
            </span>
            <span className="ranked-bars__track" aria-hidden="true">
              <span
                className="ranked-bars__bar"
                style={{
                  width: `${(Math.max(0, bar.value) / largest) * 100}%`,
                  background: meaningColor('LEARNERS'),
                }}
              />
            </span>
            <span className="ranked-bars__value">{formatCount(bar.value)}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
