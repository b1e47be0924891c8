import { formatChange, formatCount, formatIndex, formatPercent } from '@repo/ui/format';

/**
 * The additive figures of one place a map measure is made of (summed over the places an area
 * draws: a province's divisions). A measure from `learnerFlows` (transition, dropout) adds its
 * numerator and denominator here, to the map's query (placeMap.query.ts), and one entry below.
 */
export interface PlaceFigures {
  learners: number | null;
  male: number | null;
  female: number | null;
  previousYearLearners: number | null;
  /** From learnerFlows, last year's learners followed into this year: all of them… */
  flowCohort?: number | null;
  /** …those not enrolled this year… */
  notEnrolled?: number | null;
  /** …last year's Grade 6 and Grade 10 learners, and those of them in the next level now. */
  transitionCohort?: number | null;
  transitioned?: number | null;
}

/** The figures a measure of learnerFlows needs (the map asks for flows only for these). */
export const flowFigures: readonly Figure[] = [
  'flowCohort',
  'notEnrolled',
  'transitionCohort',
  'transitioned',
];

export type Figure = keyof PlaceFigures;

export interface MapMeasure {
  key: string;
  label: string;
  format: (value: number) => string;
  /** The figures it needs; an area whose places lack one (withheld) has no data. */
  figures: readonly Figure[];
  /** The measure of an area from its figures' sums. */
  value: (sum: Record<Figure, number>) => number | null;
}

/** The measures a map can show, in the order of its select; `key` is `?measure=` in the URL. */
export const mapMeasures: readonly MapMeasure[] = [
  {
    key: 'learners',
    label: 'Learners',
    format: formatCount,
    figures: ['learners'],
    value: (s) => s.learners,
  },
  {
    key: 'change',
    label: 'Change on the year before',
    format: formatChange,
    figures: ['learners', 'previousYearLearners'],
    // No figures for the year before: nothing to compare (not a change of +all).
    value: (s) => (s.previousYearLearners > 0 ? s.learners - s.previousYearLearners : null),
  },
  {
    key: 'gpi',
    label: 'Gender parity index',
    format: formatIndex,
    figures: ['female', 'male'],
    // Females per male over the area's learners, not an average of its divisions' indices.
    value: (s) => (s.male > 0 ? s.female / s.male : null),
  },
  {
    key: 'transition',
    label: 'Transition rate (Grades 6 → 7, 10 → 11)',
    format: formatPercent,
    figures: ['transitionCohort', 'transitioned'],
    value: (s) => (s.transitionCohort > 0 ? s.transitioned / s.transitionCohort : null),
  },
  {
    key: 'dropout',
    label: 'Dropout rate (not enrolled this year)',
    format: formatPercent,
    figures: ['flowCohort', 'notEnrolled'],
    value: (s) => (s.flowCohort > 0 ? s.notEnrolled / s.flowCohort : null),
  },
];

/** Whether a measure is one of learnerFlows'. */
export const isFlowMeasure = (measure: MapMeasure) =>
  measure.figures.some((f) => flowFigures.includes(f));

export function measureOf(key: string | null): MapMeasure {
  return mapMeasures.find((m) => m.key === key) ?? mapMeasures[0]!;
}

/** An area's value: its places' figures summed, then the measure; null when any is missing. */
export function areaValue(measure: MapMeasure, places: readonly PlaceFigures[]): number | null {
  if (places.length === 0) return null;
  const sum = {} as Record<Figure, number>;
  for (const figure of measure.figures) {
    let total = 0;
    for (const place of places) {
      const v = place[figure];
      if (v === null || v === undefined) return null;
      total += v;
    }
    sum[figure] = total;
  }
  return measure.value(sum);
}
