import { formatCount } from './format.js';

export interface StatCardProps {
  label: string;
  value: number | null;
  hint?: string;
}

/** A headline figure; `null` while it loads. */
export function StatCard({ label, value, hint }: StatCardProps) {
  return (
    <section className="stat-card" aria-label={label}>
      <h2 className="stat-card__label">{label}</h2>
      <p className="stat-card__value">
        {value === null ? <span className="skeleton" aria-busy="true" /> : formatCount(value)}
      </p>
      {hint ? <p className="stat-card__hint">{hint}</p> : null}
    </section>
  );
}
