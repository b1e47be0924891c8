import { CategoryBarChart } from '@repo/ui/CategoryBarChart';
import { PopulationPyramid } from '@repo/ui/PopulationPyramid';
import { type Meaning } from '@repo/ui/palette';
import { ShareChart } from '@repo/ui/ShareChart';

export interface SummaryChartsProps {
  placeName: string;
  below?: { noun: string; rows: { name: string; male: number | null; female: number | null }[] };
  grades: { label: string; male: number | null; female: number | null }[];
  /** `key`: the learner category (its colour in every chart). */
  categories: { key: Meaning; label: string; learners: number | null }[];
  /** `key`: the sector (its colour in every chart). */
  sectors: { key: Meaning; label: string; value: number }[];
}

const sexSeries = [
  { key: 'male', label: 'Male', meaning: 'MALE' as const },
  { key: 'female', label: 'Female', meaning: 'FEMALE' as const },
];

/** The charts of an overview; lazy-loaded with recharts. The same figures are in tables below. */
export function SummaryCharts({
  placeName,
  below,
  grades,
  categories,
  sectors,
}: SummaryChartsProps) {
  return (
    <div className="chart-grid">
      {below && below.rows.length > 0 ? (
        <div className="chart-grid__wide">
          <CategoryBarChart
            title={`Learners by ${below.noun.toLowerCase()} and sex`}
            description={`Stacked bars of male and female learners for each ${below.noun.toLowerCase()} of ${placeName}.`}
            data={below.rows.map((r) => ({
              label: r.name,
              male: r.male ?? 0,
              female: r.female ?? 0,
            }))}
            series={sexSeries}
            stacked
            horizontal={below.rows.length > 8}
            height={below.rows.length > 8 ? Math.max(280, below.rows.length * 26) : 300}
          />
        </div>
      ) : null}
      <PopulationPyramid
        title="Grade levels by sex"
        description={`Population pyramid of ${placeName}: males to the left, females to the right, one bar per grade level.`}
        rows={grades.map((g) => ({ label: g.label, male: g.male ?? 0, female: g.female ?? 0 }))}
      />
      <CategoryBarChart
        title="Learner categories"
        description={`Learners of ${placeName} who are IP, SPED, Balik-Aral or OSY.`}
        data={categories.map((c) => ({
          label: c.label,
          learners: c.learners ?? 0,
          meaning: c.key,
        }))}
        series={[{ key: 'learners', label: 'Learners', meaning: 'LEARNERS' }]}
        horizontal
        labelWidth={160}
      />
      <ShareChart
        title="Learners by sector"
        description={`Share of the learners of ${placeName} in public, private and SUC / LUC schools.`}
        slices={sectors.map((s) => ({ label: s.label, value: s.value, meaning: s.key }))}
      />
    </div>
  );
}
