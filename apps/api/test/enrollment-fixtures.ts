import { randomUUID } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { type TestServer } from './harness.js';

/** The enrollment a mutation returns, with what tests look at. */
export const enrollmentResult = `
  message reasons recommendation lrn replayed
  enrollment {
    id learnerId schoolId schoolYear gradeLevel strand admissionBasis status categories
    circumstances registeredOn enrolledOn firstAttendance missingDocuments documentsDueBy
    movedIn transferredIn leftOn transferredOut alsProgram alsFacilitatorName version
    documents { documentType receivedOn }
    history { status effectiveOn reason note }
  }`;

export interface EnrollmentView {
  id: string;
  learnerId: string;
  schoolId: string;
  status: string;
  categories: string[];
  registeredOn: string | null;
  enrolledOn: string | null;
  missingDocuments: string[];
  documentsDueBy: string | null;
  firstAttendance: string | null;
  movedIn: boolean;
  transferredIn: boolean;
  transferredOut: boolean;
  leftOn: string | null;
  history: { status: string; effectiveOn: string; reason: string; note: string | null }[];
  documents: { documentType: string; receivedOn: string }[];
}

export interface ResultView {
  message: string;
  reasons: string[];
  recommendation: string | null;
  lrn: string | null;
  replayed: boolean;
  enrollment: EnrollmentView;
}

/** A fresh learner's profile with a name no other test uses. */
export function newProfile(birthDate: string, overrides: Record<string, unknown> = {}) {
  const tag = randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 6)
    .padEnd(6, 'x');
  return {
    lastName: `Lifecycle${tag}`,
    firstName: `Tala${tag}`,
    birthDate,
    sex: 'FEMALE',
    confirmNoDuplicate: true,
    ...overrides,
  };
}

export async function createLearner(
  server: TestServer,
  token: string,
  birthDate: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await server.graphql<{ createLearner: { id: string } }>(
    'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
    { input: newProfile(birthDate, overrides) },
    token,
  );
  if (!created.data) throw new Error(JSON.stringify(created.errors));
  return created.data.createLearner.id;
}

export async function mutate(
  server: TestServer,
  token: string,
  operation: string,
  inputType: string,
  input: Record<string, unknown>,
  idempotencyKey?: string,
) {
  const response = await server.graphql<Record<string, ResultView>>(
    `mutation($input: ${inputType}!, $key: String) {
       result: ${operation}(input: $input, idempotencyKey: $key) { ${enrollmentResult} }
     }`,
    { input, key: idempotencyKey },
    token,
  );
  return {
    result: response.data?.result ?? null,
    error: response.errors?.[0]?.extensions ?? null,
    message: response.errors?.[0]?.message ?? null,
  };
}

/** What one learner has in the database: a test proves a refusal wrote none of it. */
export async function footprint(dataSource: DataSource, learnerId: string) {
  const [row] = await dataSource.query<Record<string, number>[]>(
    `SELECT
       (SELECT count(*)::int FROM enrollment WHERE learner_id = $1) AS enrollments,
       (SELECT count(*)::int FROM enrollment_status_change c JOIN enrollment e ON e.id = c.enrollment_id
         WHERE e.learner_id = $1) AS status_changes,
       (SELECT count(*)::int FROM enrollment_document d JOIN enrollment e ON e.id = d.enrollment_id
         WHERE e.learner_id = $1) AS documents,
       (SELECT count(*)::int FROM learner_school WHERE learner_id = $1) AS schools,
       (SELECT version FROM learner WHERE id = $1) AS learner_version,
       (SELECT count(*)::int FROM audit_event WHERE entity = 'learner' AND entity_id = $1::text
         AND action NOT IN ('LEARNER_VIEWED', 'LEARNER_SEARCHED', 'ENROLLMENT_VIEWED', 'LEARNER_LISTED',
                            'LEARNER_SHOWN_OUTSIDE_PLACE')) AS writes`,
    [learnerId],
  );
  return row!;
}

/**
 * The proof a receiving school gives for another school's learner (issue 18): what the learner's
 * SF9 shows, read from the database as the test's owner: the LRN and birth date, or, before an LRN
 * is issued, the full name, birth date and a school the learner is registered with.
 */
export async function papersOf(
  dataSource: DataSource,
  learnerId: string,
  reason = 'The family moved here',
) {
  const [row] = await dataSource.query<
    {
      lrn: string | null;
      birth_date: string;
      last_name: string;
      first_name: string;
      middle_name: string | null;
      school_id: number | null;
    }[]
  >(
    `SELECT l.lrn, to_char(l.birth_date, 'YYYY-MM-DD') AS birth_date, l.last_name, l.first_name,
            l.middle_name,
            (SELECT coalesce(
               (SELECT e.school_id FROM enrollment e WHERE e.learner_id = l.id
                ORDER BY e.school_year DESC, e.id DESC LIMIT 1),
               (SELECT min(ls.school_id) FROM learner_school ls WHERE ls.learner_id = l.id))) AS school_id
     FROM learner l WHERE l.id = $1`,
    [learnerId],
  );
  if (!row) throw new Error(`no learner ${learnerId}`);
  const why = { reason, documentSeen: 'SF9', birthDate: row.birth_date };
  return row.lrn
    ? { ...why, lrn: row.lrn.trim() }
    : {
        ...why,
        lastName: row.last_name,
        firstName: row.first_name,
        middleName: row.middle_name,
        lastSchoolId: String(row.school_id).padStart(6, '0'),
      };
}
