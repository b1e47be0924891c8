import { type Meaning } from '@repo/ui/palette';
import { type FlowsByGradeQuery, type GradeLevel } from '../../gql/graphql.js';
import { gradeLabel, gradeOrder } from '../labels.js';

export type FlowRow = FlowsByGradeQuery['learnerFlows'][number];

/** The grades a cohort is followed from: basic education, Kindergarten to Grade 12. */
export const cohortGrades = gradeOrder.filter(
  (g) => g === 'KINDER' || /^GRADE_\d+$/.test(g),
) as GradeLevel[];

export const defaultFlowGrade: GradeLevel = 'GRADE_6';

/** The outcomes of docs/indicators.md, in the picture's and the table's order. */
export const outcomes = [
  { key: 'promoted', label: 'Next grade', meaning: 'PROMOTED' },
  { key: 'repeated', label: 'Same grade', meaning: 'REPEATED' },
  { key: 'completed', label: 'Completed', meaning: 'COMPLETED' },
  { key: 'transferredToAls', label: 'ALS', meaning: 'TO_ALS' },
  { key: 'notEnrolled', label: 'Not enrolled', meaning: 'NOT_ENROLLED' },
] as const satisfies readonly { key: keyof FlowRow; label: string; meaning: Meaning }[];

export interface OutcomeRow {
  key: string;
  label: string;
  count: number;
  /** Of the cohort; null without a cohort to divide by. */
  share: number | null;
  /** Total: the cohort; part: a sub-count of rows above, not added into the total. */
  kind: 'outcome' | 'part' | 'total';
  meaning?: Meaning;
}

/**
 * The flow table of one grade's cohort: each outcome with its count and share, "of which at
 * another school" (a sub-count of the promoted and repeating, docs/indicators.md), and the total,
 * which is the cohort: the outcomes are exclusive and exhaustive.
 */
export function toOutcomeRows(row: FlowRow | undefined): OutcomeRow[] {
  const cohort = row?.cohort ?? 0;
  const share = (count: number) => (cohort > 0 ? count / cohort : null);
  const rows: OutcomeRow[] = outcomes.map((o) => {
    const count = row ? row[o.key] : 0;
    return {
      key: o.key,
      label: o.label,
      count,
      share: share(count),
      kind: 'outcome',
      meaning: o.meaning,
    };
  });
  const otherSchool = row?.otherSchool ?? 0;
  rows.splice(2, 0, {
    key: 'otherSchool',
    label: 'of which at another school',
    count: otherSchool,
    share: share(otherSchool),
    kind: 'part',
  });
  rows.push({
    key: 'total',
    label: 'Total (the cohort)',
    count: cohort,
    share: share(cohort),
    kind: 'total',
  });
  return rows;
}

/** The Sankey's nodes and links: the cohort on the left, each outcome with learners on the right. */
export function toSankeyData(row: FlowRow | undefined, cohortLabel: string) {
  const present = outcomes.filter((o) => row && row[o.key] > 0);
  return {
    nodes: [
      { name: cohortLabel, meaning: 'LEARNERS' as Meaning },
      ...present.map((o) => ({ name: o.label, meaning: o.meaning })),
    ],
    links: present.map((o, i) => ({ source: 0, target: i + 1, value: row![o.key] })),
  };
}

type Rates = Pick<
  FlowRow,
  'promotionRate' | 'repetitionRate' | 'dropoutRate' | 'transitionRate' | 'completionRate'
>;
export type RateKey = keyof Rates;

/** Where each indicator applies (docs/indicators.md): transition at 6 and 10, completion at 6, 10, 12. */
export const appliesTo: Partial<Record<RateKey, readonly GradeLevel[]>> = {
  transitionRate: ['GRADE_6', 'GRADE_10'],
  completionRate: ['GRADE_6', 'GRADE_10', 'GRADE_12'],
};

export const rateLabels: Record<RateKey, string> = {
  promotionRate: 'Promotion',
  repetitionRate: 'Repetition',
  dropoutRate: 'Dropout',
  transitionRate: 'Transition',
  completionRate: 'Completion',
};

export const notApplicable = 'n/a';

/** A rate of the grade, or n/a where the indicator is not defined for it. */
export function rateOf(row: FlowRow, key: RateKey, parity = false): number | string | null {
  const grades = appliesTo[key];
  if (grades && !grades.includes(row.gradeLevel!)) return notApplicable;
  return parity ? row.genderParity[key] : row[key];
}

/** The rows of the indicator table, one per grade with a cohort, in grade order. */
export function toIndicatorRows(rows: readonly FlowRow[]) {
  return rows
    .filter((r) => r.gradeLevel && cohortGrades.includes(r.gradeLevel) && r.cohort > 0)
    .sort((a, b) => gradeOrder.indexOf(a.gradeLevel!) - gradeOrder.indexOf(b.gradeLevel!))
    .map((r) => ({ ...r, label: gradeLabel[r.gradeLevel!] }));
}

const percentOneDecimal = new Intl.NumberFormat('en-PH', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** A rate of 0 to 1 as a percentage with one decimal, always: 50.0%, 7.3%. */
export function formatRate(rate: number): string {
  return percentOneDecimal.format(rate);
}
