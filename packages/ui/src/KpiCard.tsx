import { formatChange, formatCount, formatIndex, formatPercent } from './format.js';

export type KpiFormat = 'count' | 'percent' | 'index';

export interface KpiCardProps {
  label: string;
  /** `null` while it loads; `undefined` when there is no value (shown as a dash). */
  value: number | null | undefined;
  format?: KpiFormat;
  /** Against the previous period, in the value's own unit (counts only). */
  change?: number | null;
  changeLabel?: string;
  hint?: string;
}

const formatters: Record<KpiFormat, (value: number) => string> = {
  count: formatCount,
  percent: formatPercent,
  index: formatIndex,
};

/** A headline figure with an optional change against the previous period. */
export function KpiCard({
  label,
  value,
  format = 'count',
  change,
  changeLabel,
  hint,
}: KpiCardProps) {
  return (
    <section className="stat-card" aria-label={label}>
      <h2 className="stat-card__label">{label}</h2>
      <p className="stat-card__value" data-value={value ?? undefined}>
        {value === null ? (
          <span className="skeleton" aria-busy="true" />
        ) : value === undefined ? (
          '—'
        ) : (
          formatters[format](value)
        )}
      </p>
      {change !== undefined && change !== null ? (
        <p className={`stat-card__change stat-card__change--${change < 0 ? 'down' : 'up'}`}>
          <span aria-hidden="true">{change < 0 ? '▼ ' : change > 0 ? '▲ ' : ''}</span>
          {formatChange(change)}
          {changeLabel ? ` ${changeLabel}` : ''}
        </p>
      ) : null}
      {hint ? <p className="stat-card__hint">{hint}</p> : null}
    </section>
  );
}
