import { formatSchoolId } from '@repo/domain/school';
import { Role } from '@repo/domain/access';
import { checkEligibility } from '@repo/domain/check-eligibility';
import { OutOfSchoolCircumstance } from '@repo/domain/early-registration';
import {
  checkPreRegistration,
  isActiveStatus,
  planEnrollment,
  type SchoolOffering,
} from '@repo/domain/enrollment';
import {
  type AdmissionBasis,
  BirthDocumentType,
  type DocumentType,
  EnrollmentStatus,
  type GradeLevel,
  type Strand,
} from '@repo/domain/enums';
import { checkGivenDates } from '@repo/domain/given-dates';
import { type FieldError } from '@repo/domain/learner-profile';
import { parseSchoolYear, policyDates, type SchoolCalendar } from '@repo/domain/school-year';
import { canChangeStatus, checkAlsTransfer, classifyMove } from '@repo/domain/status';
import { type DataSource, type EntityManager, EntityNotFoundError } from 'typeorm';
import { clock } from '../../clock.js';
import { onceForKey } from '../../db/idempotency.js';
import { preparedQuery } from '../../db/prepared.js';
import { inViewerScope } from '../../db/scoped.js';
import { badUserInput, fieldErrors, refused } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';
import { findCalendar } from '../calendar/calendar.service.js';
import { LearnerEntity } from '../learner/learner.entity.js';
import { checkNewLearner, insertLearner } from '../learner/learner.service.js';
import { issueLrn } from '../learner/lrn-issuance.js';
import { SchoolEntity } from '../school/school.entity.js';
import {
  type EnrollLearnerInput,
  type MoveLearnerInput,
  type PreRegisterInput,
} from './enrollment.input.js';
import {
  EnrollmentDocumentEntity,
  EnrollmentEntity,
  EnrollmentStatusChangeEntity,
} from './enrollment.entity.js';

const birthDocuments: readonly string[] = Object.values(BirthDocumentType);
const circumstances: readonly string[] = Object.values(OutOfSchoolCircumstance);

/** The school the viewer works at: only schools and learning centers write enrollments. */
export function schoolOf(
  viewer: Viewer,
  refusal = 'Only a school or an ALS learning center enrols learners',
): number {
  if (viewer.scope.kind !== 'SCHOOL') throw refused('FORBIDDEN', refusal);
  return viewer.scope.schoolId;
}

export function checkId(value: string, field: string): string {
  if (!/^\d{1,18}$/.test(value)) throw badUserInput(field, 'ID_INVALID', `${field} is not an id`);
  return value;
}

/**
 * The dates a command was given, refused before anything is read or any rule judged (issue 16):
 * a day that does not exist or has not come yet is bad input with its own field and rule, never a
 * late enrolment, a missed cut-off or a missing document.
 */
function refuseBadDates(dates: Record<string, string | null | undefined>, today: string) {
  const errors = checkGivenDates(dates, today);
  if (errors.length > 0) throw fieldErrors(errors);
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
 * enrols: SPEC §1) and returns the profile. Inside the caller's transaction, so a refused
 * enrolment leaves no link behind.
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

interface ActiveEnrollment {
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

/**
 * The learner's active enrollment of the year, the ids and statuses of the last two enrollments
 * (latest first), and what the school offers, in one statement: one round trip fewer on the
 * enrolment path, whose throughput is bound by the API's time per statement.
 */
async function standingOf(
  manager: EntityManager,
  learnerId: string,
  schoolYear: string,
  schoolId: number,
): Promise<{
  active: ActiveEnrollment | null;
  recent: { id: string; status: string }[];
  school: SchoolOffering;
}> {
  const [row] = await preparedQuery<
    Omit<ActiveEnrollment, 'enrollment_id'> & {
      enrollment_id: string | null;
      recent: { id: string; status: string }[];
      offering: SchoolOffering;
    }
  >(
    manager,
    `SELECT a.enrollment_id::text, a.school_id, a.school_name, a.status,
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
  const { recent, offering, ...active } = row;
  return {
    active: active.enrollment_id === null ? null : (active as ActiveEnrollment),
    recent,
    school: offering,
  };
}

function alreadyEnrolled(active: ActiveEnrollment, schoolYear: string) {
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

/**
 * Inserts an enrollment; when another school won the race for this learner and year, the unique
 * index turns the insert into nothing (ON CONFLICT DO NOTHING waits for the other transaction and
 * skips if it committed) and the learner's active enrollment is named.
 */
async function insertEnrollment(
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
  const active = await activeEnrollmentOf(manager, values.learnerId!, values.schoolYear!);
  throw alreadyEnrolled(active!, values.schoolYear!);
}

async function recordStatus(
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
async function recordFacts(
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

async function receivedDocuments(manager: EntityManager, enrollmentId: string) {
  const rows = await manager
    .getRepository(EnrollmentDocumentEntity)
    .find({ where: { enrollmentId }, order: { receivedOn: 'ASC', documentType: 'ASC' } });
  return rows;
}

/**
 * What an enrollment still owes, from the documents received and the learner's birth document on
 * file (§V.A, §V.C), judged by the domain with the year's calendar.
 */
function documentState(
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
    dates: { ageCutoff: dates.ageCutoff, documentDeadline: dates.documentDeadline },
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
function forMove(documents: readonly string[]): string[] {
  return documents.filter((d) => d !== 'REGISTRAR_LETTER');
}

/** A birth document handed in goes on the learner, once in the whole of basic education (§V.A). */
async function fileBirthDocument(
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
            version = version + 1, updated_at = now()
     WHERE id = $1`,
    [learner.id, given[0], receivedOn],
  );
  learner.birthDocumentType = given[0]!;
}

/** The enrollment at the viewer's school, locked for the change; another school's is refused. */
async function ownEnrollment(
  manager: EntityManager,
  viewer: Viewer,
  enrollmentId: string,
  field: string,
): Promise<EnrollmentEntity> {
  checkId(enrollmentId, field);
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

export interface EnrollmentOutcome {
  id: string;
  replayed: boolean;
  reasons: string[];
  recommendation: string | null;
}

/**
 * Early registration (DO 03 s. 2018 §V.A, SPEC §4.2): a learner on record, or a new one from the
 * Basic Education Enrollment Form, registers for a grade at the viewer's school in the window.
 * The learner is pre-registered, not enrolled, and gets no LRN until the first attendance.
 */
export async function preRegister(
  dataSource: DataSource,
  viewer: Viewer,
  input: PreRegisterInput,
  idempotencyKey?: string | null,
): Promise<AnsweredOutcome> {
  const schoolId = schoolOf(viewer);
  const today = clock.today();
  if (Boolean(input.learnerId) === Boolean(input.learner)) {
    throw badUserInput(
      'input.learnerId',
      'LEARNER_OR_PROFILE_REQUIRED',
      'Give either learnerId (a learner on record) or learner (a new profile), not both',
    );
  }
  if (input.learnerId) checkId(input.learnerId, 'input.learnerId');
  refuseBadDates({ registeredOn: input.registeredOn }, today);
  const person = input.learner ? checkNewLearner(viewer, input.learner, 'input.learner') : null;
  const registeredOn = input.registeredOn ?? today;
  return enrollmentWrite(dataSource, viewer, async (manager) => {
    const done = await onceForKey(
      manager,
      viewer,
      idempotencyKey,
      'preRegister',
      input,
      async () => {
        const calendar = await requireCalendar(manager, input.schoolYear, 'input.schoolYear');
        const school = await offeringOf(manager, schoolId);
        const errors = checkPreRegistration(
          {
            calendar,
            school,
            gradeLevel: input.gradeLevel,
            strand: input.strand,
            categories: input.categories,
            circumstances: input.circumstances,
            registeredOn,
            today,
          },
          circumstances,
        );
        if (errors.length > 0) throw fieldErrors(errors);
        const learner =
          input.learner && person
            ? await insertLearner(manager, viewer, input.learner, person)
            : await linkLearner(
                manager,
                input.learnerId!,
                schoolId,
                'REGISTERED',
                'input.learnerId',
              );
        const active = await activeEnrollmentOf(manager, learner.id, input.schoolYear);
        if (active) throw alreadyEnrolled(active, input.schoolYear);
        const id = await insertEnrollment(manager, {
          learnerId: learner.id,
          schoolId,
          schoolYear: input.schoolYear,
          gradeLevel: input.gradeLevel,
          strand: input.strand ?? null,
          status: EnrollmentStatus.PRE_REGISTERED,
          categories: [...new Set(input.categories)],
          circumstances: [...new Set(input.circumstances)],
          registeredOn,
          createdBy: viewer.accountId,
        });
        await recordStatus(
          manager,
          viewer,
          id,
          EnrollmentStatus.PRE_REGISTERED,
          registeredOn,
          'REGISTERED_EARLY',
        );
        await audit(manager, viewer, {
          action: 'LEARNER_PRE_REGISTERED',
          entity: 'learner',
          entityId: learner.id,
          after: { enrollmentId: id, schoolYear: input.schoolYear, gradeLevel: input.gradeLevel },
        });
        return id;
      },
    );
    return { ...done, reasons: ['PRE_REGISTERED'], recommendation: null };
  });
}

/**
 * Enrolment at the viewer's school (§V.A-§V.D; SPEC §4.3, §4.4; the ALS guide steps 3-5): the
 * domain decides eligibility, documents, late enrollment and the resulting status. An early
 * registration at this school becomes this enrolment. With a first date of attendance, the LRN is
 * issued and the enrollment is official or temporary.
 */
export async function enrollLearner(
  dataSource: DataSource,
  viewer: Viewer,
  input: EnrollLearnerInput,
  idempotencyKey?: string | null,
): Promise<AnsweredOutcome> {
  schoolOf(viewer);
  checkId(input.learnerId, 'input.learnerId');
  return enrollmentWrite(dataSource, viewer, async (manager) => {
    // A replay acts not; its reasons are those of an enrollment already made.
    const decided = { reasons: [] as string[], recommendation: null as string | null };
    const done = await onceForKey(
      manager,
      viewer,
      idempotencyKey,
      'enrollLearner',
      input,
      async () => {
        const made = await enrollIn(manager, viewer, input);
        Object.assign(decided, made);
        return made.id;
      },
    );
    return { ...done, reasons: decided.reasons, recommendation: decided.recommendation };
  });
}

/** The enrolment itself, inside the caller's transaction (enrollLearner, the import). */
export async function enrollIn(
  manager: EntityManager,
  viewer: Viewer,
  input: EnrollLearnerInput,
): Promise<Omit<EnrollmentOutcome, 'replayed'>> {
  const schoolId = schoolOf(viewer);
  const today = clock.today();
  const enrolledOn = input.enrolledOn ?? today;
  refuseBadDates({ enrolledOn, firstAttendance: input.firstAttendance }, today);
  const calendar = await requireCalendar(manager, input.schoolYear, 'input.schoolYear');
  const learner = await linkLearner(
    manager,
    input.learnerId,
    schoolId,
    'ENROLLED',
    'input.learnerId',
  );
  const { active, recent, school } = await standingOf(
    manager,
    learner.id,
    input.schoolYear,
    schoolId,
  );
  const registration =
    active && active.school_id === schoolId && active.status === 'PRE_REGISTERED'
      ? await manager.getRepository(EnrollmentEntity).findOneOrFail({
          where: { id: active.enrollment_id },
          lock: { mode: 'pessimistic_write' },
        })
      : null;
  if (active && (!registration || registration.enrolledOn !== null))
    throw alreadyEnrolled(active, input.schoolYear);

  const errors: FieldError[] = [];
  if (input.lateApproval && viewer.role !== Role.SCHOOL_HEAD)
    errors.push({ field: 'lateApproval', code: 'ONLY_SCHOOL_HEAD_APPROVES' });
  if (registration?.registeredOn && enrolledOn < registration.registeredOn)
    errors.push({ field: 'enrolledOn', code: 'BEFORE_EARLY_REGISTRATION' });
  const plan = planEnrollment({
    calendar,
    school,
    gradeLevel: input.gradeLevel,
    strand: input.strand,
    basis: input.admissionBasis ?? null,
    birthDate: learner.birthDate,
    firstTimeEnrollee: input.firstTimeEnrollee,
    documents: input.documents,
    birthDocumentOnFile: learner.birthDocumentType !== null,
    categories: input.categories,
    enrolledOn,
    firstAttendance: input.firstAttendance,
    placementReason: input.placementReason,
    lateApproval: input.lateApproval
      ? {
          headApproved: viewer.role === Role.SCHOOL_HEAD,
          catchUpPlan: input.lateApproval.catchUpPlan,
        }
      : null,
    today,
  });
  errors.push(...plan.errors);
  if (errors.length > 0) throw fieldErrors(errors);
  await fileBirthDocument(manager, learner, input.documents, enrolledOn, 'input.documents');

  // Returning after dropping out, or named so: Balik-Aral at this enrollment (§IV.l).
  const last = recent.find((r) => r.id !== registration?.id);
  const categories = new Set<string>([...(registration?.categories ?? []), ...input.categories]);
  if (input.admissionBasis === 'BALIK_ARAL' || last?.status === EnrollmentStatus.DROPPED_OUT)
    categories.add('BALIK_ARAL');

  // Everything the enrolment ends as is known now: documents owed, and with a first attendance
  // the status; so one write makes it (and the rollups see it once).
  const docs = [...new Set(input.documents)];
  const onFile = registration
    ? (await receivedDocuments(manager, registration.id)).map((d) => d.documentType)
    : [];
  const state = documentState(
    {
      enrolledOn,
      schoolYear: input.schoolYear,
      gradeLevel: input.gradeLevel,
      admissionBasis: input.admissionBasis ?? null,
      firstTimeEnrollee: input.firstTimeEnrollee,
      movedIn: false,
    },
    learner,
    calendar,
    [...onFile, ...docs],
  );
  const attending = input.firstAttendance ?? null;
  const status = !attending
    ? EnrollmentStatus.PRE_REGISTERED
    : state.complete
      ? EnrollmentStatus.OFFICIALLY_ENROLLED
      : EnrollmentStatus.TEMPORARILY_ENROLLED;
  const values: Partial<EnrollmentEntity> = {
    gradeLevel: input.gradeLevel,
    strand: input.strand ?? null,
    admissionBasis: input.admissionBasis ?? null,
    firstTimeEnrollee: input.firstTimeEnrollee,
    categories: [...categories],
    enrolledOn,
    firstAttendance: attending,
    missingDocuments: state.missing,
    documentsDueBy: state.dueBy,
    placementReason: input.placementReason?.trim() || null,
    catchUpPlan:
      plan.late?.code === 'LATE_APPROVED' ? input.lateApproval!.catchUpPlan.trim() : null,
    alsFacilitatorName: input.alsFacilitatorName?.trim() || null,
    status,
  };
  let id: string;
  if (registration) {
    id = registration.id;
    await manager
      .getRepository(EnrollmentEntity)
      .update({ id }, { ...values, version: registration.version + 1 });
  } else {
    id = await insertEnrollment(manager, {
      ...values,
      learnerId: learner.id,
      schoolId,
      schoolYear: input.schoolYear,
      createdBy: viewer.accountId,
    });
  }
  const changes: { status: EnrollmentStatus; effectiveOn: string; reason: string }[] = [
    { status: EnrollmentStatus.PRE_REGISTERED, effectiveOn: enrolledOn, reason: 'ENROLLED' },
  ];
  if (attending) {
    changes.push({ status, effectiveOn: attending, reason: 'FIRST_ATTENDANCE' });
    // The LRN on the first date of attendance (§V.A, §VI).
    const lrn = await issueLrn(manager, viewer, learner.id);
    if (!lrn.ok) throw refused('LEARNER_NOT_FOUND', `Learner ${learner.id} not found`);
  }
  await recordFacts(manager, viewer, id, { types: docs, receivedOn: enrolledOn }, changes);
  await audit(manager, viewer, {
    action: 'LEARNER_ENROLLED',
    entity: 'learner',
    entityId: learner.id,
    after: {
      enrollmentId: id,
      schoolYear: input.schoolYear,
      gradeLevel: input.gradeLevel,
      admissionBasis: input.admissionBasis ?? null,
      placementReason: values.placementReason,
      lateApprovedBy: values.catchUpPlan ? viewer.username : null,
    },
  });
  return { id, reasons: plan.eligibility.reasons, recommendation: plan.eligibility.recommendation };
}

/** First attendance: the LRN if the learner has none (§V.A, §VI), then official or temporary. */
async function attend(
  manager: EntityManager,
  viewer: Viewer,
  enrollmentId: string,
  learnerId: string,
  date: string,
  documentsComplete: boolean,
) {
  const lrn = await issueLrn(manager, viewer, learnerId);
  if (!lrn.ok) throw refused('LEARNER_NOT_FOUND', `Learner ${learnerId} not found`);
  const status = documentsComplete
    ? EnrollmentStatus.OFFICIALLY_ENROLLED
    : EnrollmentStatus.TEMPORARILY_ENROLLED;
  await manager.query(
    `UPDATE enrollment SET first_attendance = $2, status = $3, version = version + 1, updated_at = now()
     WHERE id = $1`,
    [enrollmentId, date, status],
  );
  await recordStatus(manager, viewer, enrollmentId, status, date, 'FIRST_ATTENDANCE');
}

/**
 * The first date of attendance of an enrolled learner (§V.A, §V.B, §V.C): checked like the
 * enrolment itself (the school year, the 80% rule, the ALS cut-off), then the LRN and the status.
 */
export async function recordFirstAttendance(
  dataSource: DataSource,
  viewer: Viewer,
  input: {
    enrollmentId: string;
    firstAttendance: string;
    lateApproval?: { catchUpPlan: string } | null;
  },
  idempotencyKey?: string | null,
): Promise<AnsweredOutcome> {
  const today = clock.today();
  refuseBadDates({ firstAttendance: input.firstAttendance }, today);
  return enrollmentWrite(dataSource, viewer, async (manager) => {
    const done = await onceForKey(
      manager,
      viewer,
      idempotencyKey,
      'recordFirstAttendance',
      input,
      async () => {
        const enrollment = await ownEnrollment(
          manager,
          viewer,
          input.enrollmentId,
          'input.enrollmentId',
        );
        if (enrollment.status !== EnrollmentStatus.PRE_REGISTERED) {
          throw refused(
            'FIRST_ATTENDANCE_ALREADY_RECORDED',
            `The first attendance was ${enrollment.firstAttendance ?? 'already recorded'}`,
            {
              field: 'input.enrollmentId',
              status: enrollment.status,
            },
          );
        }
        if (!enrollment.enrolledOn) {
          throw refused(
            'NOT_ENROLLED_YET',
            'An early registration is enrolled (enrollLearner) before the first attendance',
            {
              field: 'input.enrollmentId',
            },
          );
        }
        const calendar = (await findCalendar(manager, enrollment.schoolYear))!;
        const school = await offeringOf(manager, enrollment.schoolId);
        const learner = await manager
          .getRepository(LearnerEntity)
          .findOneByOrFail({ id: enrollment.learnerId });
        const documents = (await receivedDocuments(manager, enrollment.id)).map(
          (d) => d.documentType,
        );
        const errors: FieldError[] = [];
        if (input.lateApproval && viewer.role !== Role.SCHOOL_HEAD)
          errors.push({ field: 'lateApproval', code: 'ONLY_SCHOOL_HEAD_APPROVES' });
        const plan = planEnrollment({
          calendar,
          school,
          gradeLevel: enrollment.gradeLevel as GradeLevel,
          strand: enrollment.strand as Strand | null,
          basis: enrollment.admissionBasis as AdmissionBasis | null,
          birthDate: learner.birthDate,
          firstTimeEnrollee: enrollment.firstTimeEnrollee,
          documents: documents as DocumentType[],
          birthDocumentOnFile: learner.birthDocumentType !== null,
          categories: enrollment.categories,
          enrolledOn: enrollment.enrolledOn,
          firstAttendance: input.firstAttendance,
          placementReason: enrollment.placementReason,
          lateApproval: input.lateApproval
            ? {
                headApproved: viewer.role === Role.SCHOOL_HEAD,
                catchUpPlan: input.lateApproval.catchUpPlan,
              }
            : enrollment.catchUpPlan
              ? { headApproved: true, catchUpPlan: enrollment.catchUpPlan }
              : null,
          today,
          movedIn: enrollment.movedIn,
        });
        errors.push(
          ...plan.errors.filter((e) => e.field === 'firstAttendance' || e.field === 'lateApproval'),
        );
        if (errors.length > 0) throw fieldErrors(errors);
        if (plan.late?.code === 'LATE_APPROVED' && input.lateApproval)
          await manager.query('UPDATE enrollment SET catch_up_plan = $2 WHERE id = $1', [
            enrollment.id,
            input.lateApproval.catchUpPlan.trim(),
          ]);
        const state = documentState(enrollment, learner, calendar, documents);
        await attend(
          manager,
          viewer,
          enrollment.id,
          learner.id,
          input.firstAttendance,
          state.complete,
        );
        await audit(manager, viewer, {
          action: 'FIRST_ATTENDANCE_RECORDED',
          entity: 'learner',
          entityId: learner.id,
          after: { enrollmentId: enrollment.id, firstAttendance: input.firstAttendance },
        });
        return enrollment.id;
      },
    );
    return { ...done, reasons: [], recommendation: null };
  });
}

/**
 * A document received (§V.A, §V.C): a temporary enrollment becomes official when the last
 * required document arrives. A birth document goes on the learner, once.
 */
export async function submitDocument(
  dataSource: DataSource,
  viewer: Viewer,
  input: {
    enrollmentId: string;
    learnerId: string;
    documentType: DocumentType;
    receivedOn?: string | null;
  },
  idempotencyKey?: string | null,
): Promise<AnsweredOutcome> {
  const today = clock.today();
  const receivedOn = input.receivedOn ?? today;
  checkId(input.learnerId, 'input.learnerId');
  refuseBadDates({ receivedOn }, today);
  return enrollmentWrite(dataSource, viewer, async (manager) => {
    const done = await onceForKey(
      manager,
      viewer,
      idempotencyKey,
      'submitDocument',
      input,
      async () => {
        const enrollment = await ownEnrollment(
          manager,
          viewer,
          input.enrollmentId,
          'input.enrollmentId',
        );
        if (BigInt(enrollment.learnerId) !== BigInt(input.learnerId)) {
          throw badUserInput(
            'input.learnerId',
            'ENROLLMENT_OF_ANOTHER_LEARNER',
            'This enrollment belongs to another learner',
          );
        }
        if (!isActiveStatus(enrollment.status as EnrollmentStatus)) {
          throw refused('ENROLLMENT_CLOSED', `The enrollment is ${enrollment.status}`, {
            field: 'input.enrollmentId',
          });
        }
        const since = enrollment.registeredOn ?? enrollment.enrolledOn!;
        if (receivedOn < since)
          throw badUserInput(
            'input.receivedOn',
            'BEFORE_ENROLLMENT',
            `receivedOn is before ${since}`,
          );
        const calendar = (await findCalendar(manager, enrollment.schoolYear))!;
        const learner = await manager
          .getRepository(LearnerEntity)
          .findOneByOrFail({ id: enrollment.learnerId });
        const before = (await receivedDocuments(manager, enrollment.id)).map((d) => d.documentType);
        if (before.includes(input.documentType)) {
          throw badUserInput(
            'input.documentType',
            'DOCUMENT_ALREADY_RECEIVED',
            `${input.documentType} was already received`,
          );
        }
        await fileBirthDocument(
          manager,
          learner,
          [input.documentType],
          receivedOn,
          'input.documentType',
        );
        await manager.getRepository(EnrollmentDocumentEntity).insert({
          enrollmentId: enrollment.id,
          documentType: input.documentType,
          receivedOn,
          recordedBy: viewer.accountId,
        });
        const state = documentState(enrollment, learner, calendar, [...before, input.documentType]);
        let status = enrollment.status as EnrollmentStatus;
        if (status === EnrollmentStatus.TEMPORARILY_ENROLLED && state.complete) {
          status = EnrollmentStatus.OFFICIALLY_ENROLLED;
          await recordStatus(
            manager,
            viewer,
            enrollment.id,
            status,
            receivedOn,
            'DOCUMENTS_COMPLETE',
          );
        }
        await manager.query(
          `UPDATE enrollment SET status = $2, missing_documents = $3, documents_due_by = $4,
                version = version + 1, updated_at = now()
         WHERE id = $1`,
          [enrollment.id, status, state.missing, state.dueBy],
        );
        await audit(manager, viewer, {
          action: 'DOCUMENT_RECEIVED',
          entity: 'learner',
          entityId: learner.id,
          after: {
            enrollmentId: enrollment.id,
            documentType: input.documentType,
            receivedOn,
            status,
          },
        });
        return enrollment.id;
      },
    );
    return { ...done, reasons: [], recommendation: null };
  });
}

/**
 * A learner arriving from another school during the year (§V.E, SPEC §4.4): the origin's
 * enrollment becomes moved out, this school's is moved in, with its own status (the latest SF9,
 * else temporary); between the first Friday of classes and 31 March both count as transfers.
 */
export async function moveLearner(
  dataSource: DataSource,
  viewer: Viewer,
  input: MoveLearnerInput,
  idempotencyKey?: string | null,
): Promise<AnsweredOutcome> {
  const schoolId = schoolOf(viewer);
  const today = clock.today();
  checkId(input.learnerId, 'input.learnerId');
  refuseBadDates({ moveDate: input.moveDate }, today);
  return enrollmentWrite(dataSource, viewer, async (manager) => {
    let reasons: string[] = [];
    const done = await onceForKey(
      manager,
      viewer,
      idempotencyKey,
      'moveLearner',
      input,
      async () => {
        const calendar = await requireCalendar(manager, input.schoolYear, 'input.schoolYear');
        const school = await offeringOf(manager, schoolId);
        const learner = await linkLearner(
          manager,
          input.learnerId,
          schoolId,
          'MOVED_IN',
          'input.learnerId',
        );
        const plan = planEnrollment({
          calendar,
          school,
          gradeLevel: input.gradeLevel,
          strand: input.strand,
          basis: 'TRANSFEREE',
          birthDate: learner.birthDate,
          firstTimeEnrollee: false,
          documents: forMove(input.documents) as DocumentType[],
          birthDocumentOnFile: learner.birthDocumentType !== null,
          categories: [],
          enrolledOn: input.moveDate,
          firstAttendance: input.moveDate,
          today,
          movedIn: true,
        });
        const errors = plan.errors.map((e) =>
          e.field === 'enrolledOn' || e.field === 'firstAttendance'
            ? { ...e, field: 'moveDate' }
            : e,
        );
        const unique = errors.filter(
          (e, i) => errors.findIndex((o) => o.field === e.field && o.code === e.code) === i,
        );
        if (unique.length > 0) throw fieldErrors(unique);
        const move = classifyMove(calendar, input.moveDate, input.documents.includes('SF9'));
        let origin:
          { enrollment_id: string; school_id: number; previous_status: string } | undefined;
        try {
          [origin] = await manager.query<
            { enrollment_id: string; school_id: number; previous_status: string }[]
          >(
            'SELECT enrollment_id::text, school_id, previous_status FROM move_out_enrollment($1, $2, $3, $4)',
            [learner.id, input.schoolYear, input.moveDate, move.transferred],
          );
        } catch (error) {
          if ((error as Error).message === 'MOVE_BEFORE_ORIGIN_ENROLLMENT') {
            throw badUserInput(
              'input.moveDate',
              'BEFORE_ORIGIN_ENROLLMENT',
              'The move date is before the learner started at the school moved from',
            );
          }
          if ((error as Error).message === 'ALREADY_ENROLLED_HERE')
            throw refused(
              'ALREADY_ENROLLED',
              'This learner is already enrolled at your school this year',
              { field: 'input.learnerId' },
            );
          throw error;
        }
        if (!origin) {
          throw badUserInput(
            'input.learnerId',
            'NOT_ENROLLED_ELSEWHERE',
            'This learner has no enrollment this year to move from: use enrollLearner',
          );
        }
        await fileBirthDocument(
          manager,
          learner,
          input.documents,
          input.moveDate,
          'input.documents',
        );
        const id = await insertEnrollment(manager, {
          learnerId: learner.id,
          schoolId,
          schoolYear: input.schoolYear,
          gradeLevel: input.gradeLevel,
          strand: input.strand ?? null,
          admissionBasis: 'TRANSFEREE',
          status: EnrollmentStatus.PRE_REGISTERED,
          enrolledOn: input.moveDate,
          movedIn: true,
          transferredIn: move.transferred,
          movedFromEnrollmentId: origin.enrollment_id,
          createdBy: viewer.accountId,
        });
        const docs = [...new Set(input.documents)];
        await recordFacts(manager, viewer, id, { types: docs, receivedOn: input.moveDate }, [
          {
            status: EnrollmentStatus.PRE_REGISTERED,
            effectiveOn: input.moveDate,
            reason: move.transferred ? 'TRANSFERRED_IN' : 'MOVED_IN',
            note: `from school ${formatSchoolId(origin.school_id)}`,
          },
        ]);
        const enrollment = await manager.getRepository(EnrollmentEntity).findOneByOrFail({ id });
        const state = documentState(enrollment, learner, calendar, docs);
        await manager
          .getRepository(EnrollmentEntity)
          .update({ id }, { missingDocuments: state.missing, documentsDueBy: state.dueBy });
        await attend(manager, viewer, id, learner.id, input.moveDate, state.complete);
        await audit(manager, viewer, {
          action: 'LEARNER_MOVED_IN',
          entity: 'learner',
          entityId: learner.id,
          after: {
            enrollmentId: id,
            fromEnrollmentId: origin.enrollment_id,
            fromSchoolId: formatSchoolId(origin.school_id),
            transferred: move.transferred,
          },
        });
        reasons = [move.transferred ? 'TRANSFERRED_IN' : 'MOVED_IN', ...plan.eligibility.reasons];
        return id;
      },
    );
    return { ...done, reasons, recommendation: null };
  });
}

/** Leaving during the year: transfer to ALS (§V.E) or dropping out (§IV.l), from this school. */
async function leave(
  dataSource: DataSource,
  viewer: Viewer,
  operation: string,
  input: { enrollmentId: string; effectiveOn: string },
  idempotencyKey: string | null | undefined,
  to: EnrollmentStatus,
  errors: FieldError[],
  details: Partial<EnrollmentEntity>,
  note: string,
): Promise<AnsweredOutcome> {
  refuseBadDates({ effectiveOn: input.effectiveOn }, clock.today());
  return enrollmentWrite(dataSource, viewer, async (manager) => {
    const done = await onceForKey(manager, viewer, idempotencyKey, operation, input, async () => {
      const enrollment = await ownEnrollment(
        manager,
        viewer,
        input.enrollmentId,
        'input.enrollmentId',
      );
      if (
        !canChangeStatus(enrollment.status as EnrollmentStatus, to) ||
        !enrollment.firstAttendance
      ) {
        throw refused(
          'STATUS_CHANGE_NOT_ALLOWED',
          `A ${enrollment.status} enrollment cannot become ${to}`,
          {
            field: 'input.enrollmentId',
            status: enrollment.status,
          },
        );
      }
      const all = [...errors];
      if (input.effectiveOn < enrollment.firstAttendance)
        all.push({ field: 'effectiveOn', code: 'BEFORE_FIRST_ATTENDANCE' });
      if (all.length > 0) throw fieldErrors(all);
      await manager
        .getRepository(EnrollmentEntity)
        .update(
          { id: enrollment.id },
          { ...details, status: to, leftOn: input.effectiveOn, version: enrollment.version + 1 },
        );
      await recordStatus(manager, viewer, enrollment.id, to, input.effectiveOn, to, note);
      await audit(manager, viewer, {
        action:
          to === EnrollmentStatus.DROPPED_OUT
            ? 'LEARNER_DROPPED_OUT'
            : 'LEARNER_TRANSFERRED_TO_ALS',
        entity: 'learner',
        entityId: enrollment.learnerId,
        after: { enrollmentId: enrollment.id, effectiveOn: input.effectiveOn, note },
      });
      return enrollment.id;
    });
    return { ...done, reasons: [to], recommendation: null };
  });
}

/** Transfer to ALS (§V.E): not a school leaver; the effectivity date, program and facilitator. */
export function transferToAls(
  dataSource: DataSource,
  viewer: Viewer,
  input: {
    enrollmentId: string;
    effectiveOn: string;
    program: GradeLevel;
    facilitatorName: string;
  },
  idempotencyKey?: string | null,
) {
  const errors = checkAlsTransfer(input);
  return leave(
    dataSource,
    viewer,
    'transferToAls',
    input,
    idempotencyKey,
    EnrollmentStatus.TRANSFERRED_TO_ALS,
    errors,
    {
      alsProgram: input.program,
      alsFacilitatorName: input.facilitatorName?.trim(),
    },
    `${input.program}, facilitator ${input.facilitatorName?.trim()}`,
  );
}

/** Dropping out (§IV.l), with the reason; a return later is enrolled as Balik-Aral. */
export function dropOut(
  dataSource: DataSource,
  viewer: Viewer,
  input: { enrollmentId: string; effectiveOn: string; reason: string },
  idempotencyKey?: string | null,
) {
  const reason = input.reason?.trim() ?? '';
  const errors: FieldError[] = [];
  if (!reason) errors.push({ field: 'reason', code: 'REQUIRED' });
  else if (reason.length > 500) errors.push({ field: 'reason', code: 'TOO_LONG' });
  return leave(
    dataSource,
    viewer,
    'dropOut',
    input,
    idempotencyKey,
    EnrollmentStatus.DROPPED_OUT,
    errors,
    {},
    reason,
  );
}

/** An enrollment with its LRN, documents and history, as one row of JSON (the API's shape). */
interface EnrollmentAnswerRow {
  enrollment: EnrollmentEntity;
  lrn: string | null;
  documents: { documentType: string; receivedOn: string }[];
  history: (Omit<EnrollmentStatusChangeEntity, 'recordedAt'> & { recordedAt: string })[];
}

/** The statement both readers of an enrollment send; `id` is a parameter or a quoted literal. */
const enrollmentAnswer = (id: string) => `
      SELECT json_build_object(
               'id', e.id::text, 'learnerId', e.learner_id::text, 'schoolId', e.school_id,
               'schoolYear', e.school_year, 'gradeLevel', e.grade_level, 'strand', e.strand,
               'admissionBasis', e.admission_basis, 'status', e.status,
               'categories', e.categories, 'circumstances', e.circumstances,
               'registeredOn', e.registered_on, 'enrolledOn', e.enrolled_on,
               'firstAttendance', e.first_attendance, 'missingDocuments', e.missing_documents,
               'documentsDueBy', e.documents_due_by, 'placementReason', e.placement_reason,
               'catchUpPlan', e.catch_up_plan, 'movedIn', e.moved_in,
               'transferredIn', e.transferred_in, 'leftOn', e.left_on,
               'transferredOut', e.transferred_out, 'alsProgram', e.als_program,
               'alsFacilitatorName', e.als_facilitator_name, 'version', e.version) AS enrollment,
             l.lrn,
             coalesce((SELECT json_agg(json_build_object('documentType', d.document_type,
                                                         'receivedOn', d.received_on)
                                       ORDER BY d.received_on, d.document_type)
                       FROM enrollment_document d WHERE d.enrollment_id = e.id), '[]') AS documents,
             coalesce((SELECT json_agg(json_build_object('status', h.status,
                                                         'effectiveOn', h.effective_on,
                                                         'reason', h.reason, 'note', h.note,
                                                         'recordedAt', h.recorded_at) ORDER BY h.id)
                       FROM enrollment_status_change h WHERE h.enrollment_id = e.id), '[]') AS history
      FROM enrollment e JOIN learner l ON l.id = e.learner_id
      WHERE e.id = ${id}::bigint`;

const toAnswer = (row: EnrollmentAnswerRow | undefined) =>
  row
    ? { ...row, history: row.history.map((h) => ({ ...h, recordedAt: new Date(h.recordedAt) })) }
    : null;

/** An enrollment in scope, with its documents and history; null when outside scope. Recorded. */
export function findEnrollment(dataSource: DataSource, viewer: Viewer, id: string) {
  if (!/^\d{1,18}$/.test(id)) return Promise.resolve(null);
  return inViewerScope(
    dataSource,
    viewer,
    async (manager) => {
      const [row] = await manager.query<EnrollmentAnswerRow[]>(enrollmentAnswer('$1'), [id]);
      if (!row) return null;
      await audit(manager, viewer, {
        action: 'ENROLLMENT_VIEWED',
        entity: 'learner',
        entityId: row.enrollment.learnerId,
        after: { enrollmentId: id },
      });
      return toAnswer(row);
    },
    { readMostly: true },
  );
}

export type EnrollmentAnswer = NonNullable<ReturnType<typeof toAnswer>>;
export type AnsweredOutcome = EnrollmentOutcome & { answer: EnrollmentAnswer };

/**
 * A mutation's transaction, with its answer (the enrollment as the writer now sees it) read just
 * before the COMMIT on the same connection, by a statement the connection keeps planned.
 */
function enrollmentWrite(
  dataSource: DataSource,
  viewer: Viewer,
  work: (manager: EntityManager) => Promise<EnrollmentOutcome>,
): Promise<AnsweredOutcome> {
  return inViewerScope(dataSource, viewer, async (manager) => {
    const outcome = await work(manager);
    const [row] = await preparedQuery<EnrollmentAnswerRow>(manager, enrollmentAnswer('$1'), [
      outcome.id,
    ]);
    return { ...outcome, answer: toAnswer(row)! };
  });
}
