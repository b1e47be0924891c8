import { type Dimension } from '@repo/domain/enums';
import { type ReportFilters } from '../filters/reportFilters.js';

/** What each grouped dimension selects on a summary row. */
const selection: Record<Dimension, string> = {
  SCHOOL_YEAR: 'schoolYear',
  REGION: 'region { id name }',
  DIVISION: 'division { id name }',
  SCHOOL: 'school { schoolId name }',
  SECTOR: 'sector',
  GRADE_LEVEL: 'gradeLevel',
  STRAND: 'strand',
  SEX: 'sex',
  CATEGORY: 'category',
  STATUS: 'status',
};

export const measures = [
  'learners',
  'male',
  'female',
  'genderParityIndex',
  'previousYearLearners',
  'change',
] as const;

export interface ExploreRow {
  schoolYear?: string | null;
  region?: { id: string; name: string } | null;
  division?: { id: string; name: string } | null;
  school?: { schoolId: string; name: string } | null;
  sector?: string | null;
  gradeLevel?: string | null;
  strand?: string | null;
  sex?: string | null;
  category?: string | null;
  status?: string | null;
  /** Perturbed by the cell-key method where a category is involved (the API's privacy rule). */
  learners: number | null;
  male: number | null;
  female: number | null;
  genderParityIndex: number | null;
  previousYearLearners: number | null;
  change: number | null;
  /** The database's time of the count (every row of an answer has the same). */
  asOf?: string;
}

const list = (values: string[]) => `[${values.join(', ')}]`;

/** The filter as a GraphQL literal: enum values bare, strings quoted, empty lists left out. */
export function toFilterLiteral(filters: ReportFilters): string {
  const fields = [
    filters.schoolYear ? `schoolYear: ${JSON.stringify(filters.schoolYear)}` : null,
    filters.sectors.length ? `sectors: ${list(filters.sectors)}` : null,
    filters.gradeLevels.length ? `gradeLevels: ${list(filters.gradeLevels)}` : null,
    filters.sexes.length ? `sexes: ${list(filters.sexes)}` : null,
    filters.categories.length ? `categories: ${list(filters.categories)}` : null,
  ].filter((f): f is string => f !== null);
  return `{ ${fields.join(', ')} }`;
}

/**
 * The analyst's query as the text that runs: self-contained (no variables), so what is shown can
 * be pasted into any GraphQL client as it is. It asks as an export (`forExport`), since the CSV is
 * made from the very rows on screen: cells with a learner category are perturbed whatever the
 * analyst's role (the cell-key method, docs/privacy.md).
 */
export function toExploreQuery(dimensions: Dimension[], filters: ReportFilters): string {
  // asOf: when the database counted them, shown under the page's heading (issue 21).
  const lines = [...dimensions.map((d) => selection[d]), ...measures, 'asOf'];
  return [
    'query EnrollmentExplorer {',
    `  enrollmentSummary(`,
    `    filter: ${toFilterLiteral(filters)}`,
    `    groupBy: ${list(dimensions)}`,
    '    forExport: true',
    '  ) {',
    ...lines.map((line) => `    ${line}`),
    '  }',
    '}',
    '',
  ].join('\n');
}
