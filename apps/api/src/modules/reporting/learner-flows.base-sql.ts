// The flows counted by SQL over the base tables (enrollment, learner, school), written apart from
// db/sql/learner-flow.sql (window functions rather than DISTINCT ON, an array of grades rather than
// a function): what the seeded random test compares `learnerFlows` with, and the benchmark's
// baseline. Never used to answer a user.
import { type DataSource } from 'typeorm';

const grades = `ARRAY['KINDER', 'GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4', 'GRADE_5', 'GRADE_6',
  'GRADE_7', 'GRADE_8', 'GRADE_9', 'GRADE_10', 'GRADE_11', 'GRADE_12']::text[]`;
const counted = `('TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED', 'MOVED_OUT', 'TRANSFERRED_TO_ALS', 'DROPPED_OUT')`;

export type BaseGroup = 'REGION' | 'DIVISION' | 'SCHOOL' | 'SECTOR' | 'GRADE_LEVEL' | 'SEX';
const groupColumn: Record<BaseGroup, string> = {
  REGION: 'k.region_id',
  DIVISION: 'k.division_id',
  SCHOOL: 'k.school_id',
  SECTOR: 'k.sector',
  GRADE_LEVEL: 'k.grade_level',
  SEX: 'k.sex',
};

export interface BaseQuestion {
  /** The cohort's year t. */
  schoolYear: string;
  place: { kind: 'region' | 'division' | 'school'; id: number } | null;
  groupBy: BaseGroup[];
}

export interface BaseRow {
  keys: Partial<Record<BaseGroup, string | number>>;
  cohort: number;
  promoted: number;
  repeated: number;
  completed: number;
  transferredToAls: number;
  notEnrolled: number;
  otherSchool: number;
  /** Of the Grade 7 learners, those enrolled in Grade 10 in a later year. */
  reachedGrade10: number;
}

/** The enrolments of a year, each learner's that counts first (rank 1). */
const yearRows = (param: string) => `
  SELECT e.learner_id, e.school_id, e.grade_level, e.status,
         row_number() OVER (PARTITION BY e.learner_id
                            ORDER BY e.status IN ('TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED') DESC,
                                     e.id DESC) AS rank
  FROM enrollment e WHERE e.school_year = ${param} AND e.status IN ${counted}`;

export async function flowsFromBaseTables(
  dataSource: DataSource,
  question: BaseQuestion,
): Promise<BaseRow[]> {
  const [start] = question.schoolYear.split('-').map(Number) as [number];
  const params: unknown[] = [question.schoolYear, `${start + 1}-${start + 2}`];
  const place = question.place
    ? `AND s.${question.place.kind === 'school' ? 'id' : `${question.place.kind}_id`} = $3`
    : '';
  if (question.place) params.push(question.place.id);
  const keys = question.groupBy.map((g, i) => `${groupColumn[g]} AS k${i}`);
  const groups = question.groupBy.map((_, i) => `k${i}`);
  const rows = await dataSource.query<Record<string, string | number>[]>(
    `WITH cur AS MATERIALIZED (${yearRows('$1')}), nxt AS MATERIALIZED (${yearRows('$2')}),
     k AS (
       SELECT s.region_id, s.division_id, s.id AS school_id, s.sector, c.grade_level, l.sex, c.status,
              array_position(${grades}, c.grade_level::text) AS g,
              n.school_id AS next_school, n.grade_level AS next_grade,
              c.grade_level = 'GRADE_7' AND EXISTS (
                SELECT 1 FROM enrollment r
                WHERE r.learner_id = c.learner_id AND r.grade_level = 'GRADE_10'
                  AND r.school_year > $1 AND r.status IN ${counted}
              ) AS reached_10,
              array_position(${grades}, n.grade_level::text) AS next_g,
              CASE WHEN n.grade_level = 'KINDER' THEN s.offers_kinder
                   WHEN n.grade_level IN ('GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4', 'GRADE_5', 'GRADE_6') THEN s.offers_elementary
                   WHEN n.grade_level IN ('GRADE_7', 'GRADE_8', 'GRADE_9', 'GRADE_10') THEN s.offers_junior_high
                   WHEN n.grade_level IN ('GRADE_11', 'GRADE_12') THEN s.offers_senior_high
                   ELSE false END AS offers_next
       FROM cur c
       JOIN school s ON s.id = c.school_id
       JOIN learner l ON l.id = c.learner_id
       LEFT JOIN nxt n ON n.learner_id = c.learner_id AND n.rank = 1
       WHERE c.rank = 1 AND c.grade_level = ANY (${grades}) ${place})
     SELECT ${[...keys, 'count(*)::int AS cohort'].join(', ')},
       count(*) FILTER (WHERE next_g > g)::int AS promoted,
       count(*) FILTER (WHERE next_grade NOT LIKE 'ALS%' AND (next_g IS NULL OR next_g <= g))::int AS repeated,
       count(*) FILTER (WHERE next_grade IS NULL AND grade_level = 'GRADE_12' AND status <> 'DROPPED_OUT'
                          AND status <> 'TRANSFERRED_TO_ALS')::int AS completed,
       count(*) FILTER (WHERE next_grade LIKE 'ALS%'
                           OR (next_grade IS NULL AND status = 'TRANSFERRED_TO_ALS'))::int AS transferred_to_als,
       count(*) FILTER (WHERE next_grade IS NULL AND status <> 'TRANSFERRED_TO_ALS'
                          AND NOT (grade_level = 'GRADE_12' AND status <> 'DROPPED_OUT'))::int AS not_enrolled,
       count(*) FILTER (WHERE next_school <> school_id AND next_grade NOT LIKE 'ALS%' AND offers_next)::int AS other_school,
       count(*) FILTER (WHERE reached_10)::int AS reached_10
     FROM k ${groups.length ? `GROUP BY ${groups.join(', ')}` : ''}`,
    params,
  );
  return rows
    .filter((r) => Number(r.cohort) > 0)
    .map((r) => ({
      keys: Object.fromEntries(question.groupBy.map((g, i) => [g, r[`k${i}`]!])),
      cohort: Number(r.cohort),
      promoted: Number(r.promoted),
      repeated: Number(r.repeated),
      completed: Number(r.completed),
      transferredToAls: Number(r.transferred_to_als),
      notEnrolled: Number(r.not_enrolled),
      otherSchool: Number(r.other_school),
      reachedGrade10: Number(r.reached_10),
    }));
}
