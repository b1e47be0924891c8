import { CategoryBarChart } from '@repo/ui/CategoryBarChart';
import { TrendChart } from '@repo/ui/TrendChart';

export interface TrackerChartsProps {
  placeName: string;
  /**
   * Each day of the window: its registrations, the running total, and last season's running total
   * at the same day of its window (null: last season has no calendar).
   */
  days: {
    label: string;
    registrations: number;
    cumulative: number;
    previousYearCumulative: number | null;
  }[];
  previousYearEnrollment: number;
  outOfSchool: { label: string; children: number; youth: number }[];
}

/**
 * The tracker's charts; lazy-loaded with recharts. The figures are also in the tables: the days in
 * "Registrations by day", the circumstances in the out-of-school table.
 */
export function TrackerCharts({
  placeName,
  days,
  previousYearEnrollment,
  outOfSchool,
}: TrackerChartsProps) {
  return (
    <div className="chart-grid">
      <div>
        <TrendChart
          title="Cumulative registrations by day, against last year"
          description={`Registrations of ${placeName} added up day by day through the window, beside last year's added up to the same day of its window (dashed), with last year's enrollment in the same grades as a dotted line.`}
          points={days.map((d) => ({
            label: d.label,
            value: d.cumulative,
            previous: d.previousYearCumulative,
          }))}
          valueLabel="Registered so far"
          previousLabel={
            days.some((d) => d.previousYearCumulative !== null)
              ? 'Last year by the same day'
              : undefined
          }
          target={{ value: previousYearEnrollment, label: 'Last year’s enrollment, same grades' }}
        />
      </div>
      <div>
        <TrendChart
          title="Registrations per day"
          description={`Registrations of ${placeName} on each day of the window, not added up: the days the desks were busy or quiet.`}
          points={days.map((d) => ({ label: d.label, value: d.registrations }))}
          valueLabel="Registered that day"
        />
      </div>
      {outOfSchool.length > 0 ? (
        <div className="chart-grid__wide">
          <CategoryBarChart
            title="Out-of-school children and youth by circumstance"
            description={`OSC and OSY registered in ${placeName}, for each circumstance of DO 03 s. 2018 §V.A.`}
            data={outOfSchool.map((o) => ({
              label: o.label,
              children: o.children,
              youth: o.youth,
            }))}
            series={[
              { key: 'children', label: 'Children (OSC)', meaning: 'OSC' },
              { key: 'youth', label: 'Youth (OSY)', meaning: 'OSY' },
            ]}
            horizontal
            labelWidth={190}
            height={Math.max(220, outOfSchool.length * 36)}
          />
        </div>
      ) : null}
    </div>
  );
}
