import { checkEligibility } from '@repo/domain/check-eligibility';
import { formatSchoolId } from '@repo/domain/school';
import { type SchoolOffering } from '@repo/domain/enrollment';
import {
  type AdmissionBasis,
  BirthDocumentType,
  type DocumentType,
  EnrollmentStatus,
  type GradeLevel,
} from '@repo/domain/enums';
import {
  documentDeadlineFor,
  parseSchoolYear,
  policyDates,
  type SchoolCalendar,
} from '@repo/domain/school-year';
import { type EntityManager, EntityNotFoundError } from 'typeorm';
import { preparedQuery } from '../../db/prepared.js';
import { badUserInput, refused } from '../../errors.js';
import { checkId } from '../../ids.js';
import { type Viewer } from '../auth/viewer.js';
import { findCalendar } from '../calendar/calendar.service.js';
import { LearnerEntity } from '../learner/learner.entity.js';
import { issueLrn } from '../learner/lrn-issuance.js';
import { SchoolEntity } from '../school/school.entity.js';
import {
  EnrollmentDocumentEntity,
  EnrollmentEntity,
  EnrollmentStatusChangeEntity,
} from './enrollment.entity.js';

// The records an enrollment command reads and writes, each in its own statement(s), inside the
// command's transaction (enrollment-command.ts): the SQL of the enrollment commands lives here.

const birthDocuments: readonly string[] = Object.values(BirthDocumentType);

/** The school the viewer works at: only schools and learning centers write enrollments. */
export function schoolOf(
  viewer: Viewer,
  refusal = 'Only a school or an ALS learning center enrols learners',
): number {
  if (viewer.scope.kind !== 'SCHOOL') throw refused('FORBIDDEN', refusal);
  return viewer.scope.schoolId;
}

export async function requireCalendar(manager: EntityManager, schoolYear: string, field: string) {
  if (!parseSchoolYear(schoolYear))
    throw badUserInput(field, 'SCHOOL_YEAR_INVALID', `${field} must read like "2025-2026"`);
  const calendar = await findCalendar(manager, schoolYear);
  if (!calendar) {
    throw badUserInput(
      field,
      'CALENDAR_NOT_SET',
      `No school calendar for ${schoolYear}: an administrator sets it first`,
    );
  }
  return calendar;
}

export async function offeringOf(
  manager: EntityManager,
  schoolId: number,
): Promise<SchoolOffering> {
  const school = await manager.getRepository(SchoolEntity).findOneByOrFail({ id: schoolId });
  return school;
}

/**
 * Links a learner on record to the viewer's school (a school sees the learners it registers or
 * enrolls: SPEC §1) and returns the profile. Inside the caller's transaction, so a refused
 * enrollment leaves no link behind.
 */
export async function linkLearner(
  manager: EntityManager,
  learnerId: string,
  schoolId: number,
  reason: 'REGISTERED' | 'ENROLLED' | 'MOVED_IN',
  field: string,
): Promise<LearnerEntity> {
  // The learner's merge facts and the link in one statement: linked only when not merged.
  const [facts] = await preparedQuery<{ merged_into_id: string | null }>(
    manager,
    `WITH facts AS (SELECT merged_into_id FROM learner_merge_facts(ARRAY[$1::bigint])),
     link AS (
       INSERT INTO learner_school (learner_id, school_id, reason)
       SELECT $1::bigint, $2::integer, $3::varchar FROM facts WHERE merged_into_id IS NULL
       ON CONFLICT DO NOTHING)
     SELECT merged_into_id::text FROM facts`,
    [learnerId, schoolId, reason],
  );
  if (!facts) throw badUserInput(field, 'LEARNER_NOT_FOUND', `No learner ${learnerId}`);
  if (facts.merged_into_id) {
    throw refused(
      'LEARNER_MERGED',
      `Learner ${learnerId} was merged into ${facts.merged_into_id}`,
      {
        field,
        mergedInto: facts.merged_into_id,
      },
    );
  }
  return manager.getRepository(LearnerEntity).findOneByOrFail({ id: learnerId });
}

export interface ActiveEnrollment {
  enrollment_id: string;
  school_id: number;
  school_name: string;
  status: EnrollmentStatus;
}

export async function activeEnrollmentOf(
  manager: EntityManager,
  learnerId: string,
  schoolYear: string,
): Promise<ActiveEnrollment | null> {
  const [row] = await manager.query<ActiveEnrollment[]>(
    'SELECT enrollment_id::text, school_id, school_name, status FROM active_enrollment_of($1, $2)',
    [learnerId, schoolYear],
  );
  return row ?? null;
}

/** An enrolment of the learner this year awaiting a school head's approval (issue 21, §V.D). */
export interface AwaitingEnrollment {
  school_id: number;
  school_name: string;
}

/**
 * The learner's active enrollment of the year, one awaiting a school head's approval, the ids and
 * statuses of the last two enrollments (latest first), and what the school offers, in one
 * statement: one round trip fewer on the enrollment path, whose throughput is bound by the API's
 * time per statement.
 */
export async function standingOf(
  manager: EntityManager,
  learnerId: string,
  schoolYear: string,
  schoolId: number,
): Promise<{
  active: ActiveEnrollment | null;
  awaiting: AwaitingEnrollment | null;
  recent: { id: string; status: string }[];
  school: SchoolOffering;
}> {
  const [row] = await preparedQuery<
    Omit<ActiveEnrollment, 'enrollment_id'> & {
      enrollment_id: string | null;
      awaiting: AwaitingEnrollment | null;
      recent: { id: string; status: string }[];
      offering: SchoolOffering;
    }
  >(
    manager,
    `SELECT a.enrollment_id::text, a.school_id, a.school_name, a.status,
       (SELECT json_build_object('school_id', w.school_id, 'school_name', ws.name)
          FROM enrollment w JOIN school ws ON ws.id = w.school_id
          WHERE w.learner_id = $1::bigint AND w.school_year = $2::text
            AND w.status = 'AWAITING_APPROVAL') AS awaiting,
       (SELECT coalesce(json_agg(r), '[]') FROM (
          SELECT id::text AS id, status FROM enrollment WHERE learner_id = $1::bigint
          ORDER BY school_year DESC, created_at DESC LIMIT 2) r) AS recent,
       json_build_object('offersKinder', s.offers_kinder, 'offersElementary', s.offers_elementary,
         'offersJuniorHigh', s.offers_junior_high, 'offersSeniorHigh', s.offers_senior_high,
         'isAlsLearningCenter', s.is_als_learning_center) AS offering
     FROM school s LEFT JOIN active_enrollment_of($1::bigint, $2::text) a ON true
     WHERE s.id = $3::integer`,
    [learnerId, schoolYear, schoolId],
  );
  if (!row) throw new EntityNotFoundError(SchoolEntity, { id: schoolId });
  const { recent, offering, awaiting, ...active } = row;
  return {
    active: active.enrollment_id === null ? null : (active as ActiveEnrollment),
    awaiting,
    recent,
    school: offering,
  };
}

export function alreadyEnrolled(active: ActiveEnrollment, schoolYear: string) {
  const what = active.status === 'PRE_REGISTERED' ? 'registered' : 'enrolled';
  return refused(
    'ALREADY_ENROLLED',
    `This learner is already ${what} for ${schoolYear} at ${active.school_name} (${formatSchoolId(active.school_id)}); a learner has one active enrollment a year. A move during the year goes through moveLearner.`,
    {
      field: 'input.learnerId',
      schoolId: formatSchoolId(active.school_id),
      schoolName: active.school_name,
      status: active.status,
    },
  );
}

/** The learner's enrolment this year already awaits a school head's approval (issue 21, §V.D). */
export function awaitingApproval(awaiting: AwaitingEnrollment, schoolYear: string) {
  return refused(
    'AWAITING_APPROVAL',
    `This learner's enrolment for ${schoolYear} at ${awaiting.school_name} (${formatSchoolId(awaiting.school_id)}) already awaits the school head's approval: the head approves or declines it first.`,
    {
      field: 'input.learnerId',
      schoolId: formatSchoolId(awaiting.school_id),
      schoolName: awaiting.school_name,
    },
  );
}

/**
 * Inserts an enrollment; when another school won the race for this learner and year, the unique
 * index turns the insert into nothing (ON CONFLICT DO NOTHING waits for the other transaction and
 * skips if it committed) and the learner's active enrollment is named, or the enrolment awaiting a
 * head's approval that won it.
 */
export async function insertEnrollment(
  manager: EntityManager,
  values: Partial<EnrollmentEntity>,
): Promise<string> {
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(EnrollmentEntity)
    .values(values)
    .orIgnore()
    .returning('id')
    .execute();
  const row = (inserted.raw as { id: string }[])[0];
  if (row) return String(row.id);
  const { active, awaiting } = await standingOf(
    manager,
    values.learnerId!,
    values.schoolYear!,
    values.schoolId!,
  );
  if (active) throw alreadyEnrolled(active, values.schoolYear!);
  throw awaitingApproval(awaiting!, values.schoolYear!);
}

export async function recordStatus(
  manager: EntityManager,
  viewer: Viewer,
  enrollmentId: string,
  status: EnrollmentStatus,
  effectiveOn: string,
  reason: string,
  note: string | null = null,
) {
  await manager.getRepository(EnrollmentStatusChangeEntity).insert({
    enrollmentId,
    status,
    effectiveOn,
    reason,
    note,
    recordedBy: viewer.accountId,
  });
}

/**
 * What happened to an enrollment, in one statement: documents received on one date (already
 * received ones kept as they were) and status changes, each row recorded by the viewer.
 */
export async function recordFacts(
  manager: EntityManager,
  viewer: Viewer,
  enrollmentId: string,
  documents: { types: string[]; receivedOn: string },
  changes: {
    status: EnrollmentStatus;
    effectiveOn: string;
    reason: string;
    note?: string | null;
  }[],
) {
  await preparedQuery(
    manager,
    `WITH documents AS (
       INSERT INTO enrollment_document (enrollment_id, document_type, received_on, recorded_by)
       SELECT $1::bigint, t, $3::date, $2::uuid FROM unnest($4::varchar[]) AS t
       ON CONFLICT DO NOTHING)
     INSERT INTO enrollment_status_change (enrollment_id, status, effective_on, reason, note, recorded_by)
     SELECT $1::bigint, c.status, c.effective_on, c.reason, c.note, $2::uuid
     FROM unnest($5::varchar[], $6::date[], $7::varchar[], $8::varchar[]) AS c(status, effective_on, reason, note)`,
    [
      enrollmentId,
      viewer.accountId,
      documents.receivedOn,
      documents.types,
      changes.map((c) => c.status),
      changes.map((c) => c.effectiveOn),
      changes.map((c) => c.reason),
      changes.map((c) => c.note ?? null),
    ],
  );
}

export async function receivedDocuments(manager: EntityManager, enrollmentId: string) {
  const rows = await manager
    .getRepository(EnrollmentDocumentEntity)
    .find({ where: { enrollmentId }, order: { receivedOn: 'ASC', documentType: 'ASC' } });
  return rows;
}

/** A birth document handed in goes on the learner, once in the whole of basic education (§V.A). */
export async function fileBirthDocument(
  manager: EntityManager,
  learner: LearnerEntity,
  documents: readonly string[],
  receivedOn: string,
  field: string,
) {
  const given = documents.filter((d) => birthDocuments.includes(d));
  if (given.length === 0) return;
  if (learner.birthDocumentType) {
    if (given.some((d) => d !== learner.birthDocumentType)) {
      throw badUserInput(
        field,
        'BIRTH_DOCUMENT_ALREADY_ON_FILE',
        `A ${learner.birthDocumentType} is already on file: a birth document is submitted once`,
      );
    }
    return;
  }
  if (given.length > 1) throw badUserInput(field, 'ONE_BIRTH_DOCUMENT', 'Give one birth document');
  await manager.query(
    `UPDATE learner SET birth_document_type = $2, birth_document_received_on = $3,
            updated_at = now()
     WHERE id = $1`,
    [learner.id, given[0], receivedOn],
  );
  learner.birthDocumentType = given[0]!;
}

/** The enrollment at the viewer's school, locked for the change; another school's is refused. */
export async function ownEnrollment(
  manager: EntityManager,
  viewer: Viewer,
  enrollmentId: string,
  field: string,
): Promise<EnrollmentEntity> {
  checkId('enrollment', enrollmentId, field);
  const repository = manager.getRepository(EnrollmentEntity);
  const visible = await repository.findOneBy({ id: enrollmentId });
  if (!visible) throw badUserInput(field, 'ENROLLMENT_NOT_FOUND', `No enrollment ${enrollmentId}`);
  if (visible.schoolId !== schoolOf(viewer)) {
    throw refused('ENROLLMENT_OF_ANOTHER_SCHOOL', 'Only the school of an enrollment changes it', {
      field,
    });
  }
  return repository.findOneOrFail({
    where: { id: enrollmentId },
    lock: { mode: 'pessimistic_write' },
  });
}

/**
 * First attendance: the LRN if the learner has none (§V.A, §VI), then official or temporary; a late
 * enrollment's catch-up plan, approved at the first attendance (§V.D), with it.
 */
export async function attend(
  manager: EntityManager,
  viewer: Viewer,
  enrollmentId: string,
  learnerId: string,
  date: string,
  documentsComplete: boolean,
  catchUpPlan: string | null = null,
) {
  const lrn = await issueLrn(manager, viewer, learnerId);
  if (!lrn.ok) throw refused('LEARNER_NOT_FOUND', `Learner ${learnerId} not found`);
  const status = documentsComplete
    ? EnrollmentStatus.OFFICIALLY_ENROLLED
    : EnrollmentStatus.TEMPORARILY_ENROLLED;
  // One update, one new version (bump_version): the late enrollment's catch-up plan goes with it.
  await manager.query(
    `UPDATE enrollment SET first_attendance = $2, status = $3,
            catch_up_plan = coalesce($4, catch_up_plan), updated_at = now()
     WHERE id = $1`,
    [enrollmentId, date, status, catchUpPlan],
  );
  await recordStatus(manager, viewer, enrollmentId, status, date, 'FIRST_ATTENDANCE');
}

/**
 * What an enrollment still owes, from the documents received and the learner's birth document on
 * file (§V.A, §V.C), judged by the domain with the year's calendar.
 */
export function documentState(
  enrollment: Pick<
    EnrollmentEntity,
    'enrolledOn' | 'schoolYear' | 'gradeLevel' | 'admissionBasis' | 'firstTimeEnrollee' | 'movedIn'
  >,
  learner: LearnerEntity,
  calendar: SchoolCalendar,
  documents: readonly string[],
) {
  if (!enrollment.enrolledOn) return { missing: [] as string[], dueBy: null, complete: false };
  const dates = policyDates(calendar);
  const counted = enrollment.movedIn ? forMove(documents) : documents;
  const result = checkEligibility({
    schoolYear: enrollment.schoolYear,
    gradeLevel: enrollment.gradeLevel as GradeLevel,
    // ALS programs have none, and are judged before it is read.
    basis: (enrollment.admissionBasis ?? 'CONTINUING') as AdmissionBasis,
    birthDate: learner.birthDate,
    firstTimeEnrollee: enrollment.firstTimeEnrollee,
    documents: counted as DocumentType[],
    birthDocumentOnFile: learner.birthDocumentType !== null,
    dates: {
      ageCutoff: dates.ageCutoff,
      // A late enrolment's documents are due from its own day (§V.C, §V.D).
      documentDeadline: documentDeadlineFor(calendar, enrollment.enrolledOn),
    },
  });
  const missing = result.missingDocuments as string[];
  return {
    missing,
    dueBy: missing.length > 0 ? result.documentsDueBy : null,
    complete: missing.length === 0,
  };
}

/**
 * A move during the year needs the latest SF9 (§V.E): a registrar's letter, enough for a transferee
 * at enrollment (§V.A), leaves the mover temporary, with the Affidavit of Undertaking (§V.C).
 */
export function forMove(documents: readonly string[]): string[] {
  return documents.filter((d) => d !== 'REGISTRAR_LETTER');
}
