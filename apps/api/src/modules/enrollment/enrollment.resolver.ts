import { formatSchoolId } from '@repo/domain/school';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type Context } from '../../context.js';
import {
  classList,
  type ClassListRowData,
  preRegistrationsByDay,
  quickCount,
  temporaryEnrollments,
} from './enrollment.queries.js';
import {
  ClassListFilter,
  DropOutInput,
  EnrollLearnerInput,
  EnrollNewLearnerInput,
  FirstAttendanceInput,
  MoveLearnerInput,
  PreRegisterInput,
  SubmitDocumentInput,
  TransferToAlsInput,
} from './enrollment.input.js';
import { findEnrollment } from './enrollment-answer.js';
import { ApproveEnrollmentInput, DeclineEnrollmentInput } from './enrollment-approval.input.js';
import { type AnsweredOutcome, type Writer } from './enrollment-command.js';
import { approveEnrollment, declineEnrollment } from './decide-enrollment.command.js';
import { enrollLearner } from './enroll-learner.command.js';
import { enrollNewLearner } from './enroll-new-learner.command.js';
import { recordFirstAttendance } from './first-attendance.command.js';
import { dropOut, transferToAls } from './leave.command.js';
import { moveLearner } from './move-learner.command.js';
import { preRegister } from './pre-register.command.js';
import { submitDocument } from './submit-document.command.js';
import {
  ClassList,
  ClassListRow,
  Enrollment,
  EnrollmentResult,
  EnrollmentStatusChange,
  PreRegistrationDay,
  QuickCountDay,
  ReceivedDocument,
  TemporaryEnrollment,
} from './enrollment.type.js';

/** The viewer acting on the request's database. */
const writerOf = (context: Context): Writer => ({
  dataSource: context.dataSource,
  viewer: context.viewer!,
});

type Found = NonNullable<Awaited<ReturnType<typeof findEnrollment>>>;

function toEnrollment({ enrollment: e, documents, history }: Found): Enrollment {
  return Object.assign(new Enrollment(), {
    ...e,
    schoolId: formatSchoolId(e.schoolId),
    documents: documents.map((d) =>
      Object.assign(new ReceivedDocument(), {
        documentType: d.documentType,
        receivedOn: d.receivedOn,
      }),
    ),
    history: history.map((h) =>
      Object.assign(new EnrollmentStatusChange(), {
        status: h.status,
        effectiveOn: h.effectiveOn,
        reason: h.reason,
        note: h.note,
        recordedAt: h.recordedAt,
      }),
    ),
  });
}

/** A class list's row as GraphQL answers it (the export's too). */
export function toRow(r: ClassListRowData): ClassListRow {
  return Object.assign(new ClassListRow(), {
    enrollmentId: r.enrollment_id,
    learnerId: r.learner_id,
    lrn: r.lrn,
    lastName: r.last_name,
    firstName: r.first_name,
    middleName: r.middle_name,
    extensionName: r.extension_name,
    sex: r.sex,
    birthDate: r.birth_date,
    gradeLevel: r.grade_level,
    strand: r.strand,
    status: r.status,
    categories: r.categories,
    firstAttendance: r.first_attendance,
    missingDocuments: r.missing_documents,
    documentsDueBy: r.documents_due_by,
  });
}

const keyDescription =
  'Send the same key when retrying: the request then acts once (8-100 letters, digits or _.:-).';

@Resolver()
export class EnrollmentResolver {
  private result(outcome: AnsweredOutcome, message = 'Enrolment Added'): EnrollmentResult {
    const found = outcome.answer;
    // Whichever command made it: a late or backdated enrolment awaits the head (issue 21).
    const filed = found.enrollment.status === 'AWAITING_APPROVAL';
    return Object.assign(new EnrollmentResult(), {
      enrollment: toEnrollment(found),
      message: filed ? 'Sent to the School Head for Approval' : message,
      reasons: outcome.reasons,
      recommendation: outcome.recommendation,
      lrn: found.lrn,
      replayed: outcome.replayed,
    });
  }

  @Mutation(() => EnrollmentResult, {
    description:
      'Early registration at your school (DO 03 s. 2018 §V.A): pre-registered, no LRN yet.',
  })
  async preRegister(
    @Arg('input', () => PreRegisterInput) input: PreRegisterInput,
    @Ctx() context: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: keyDescription })
    idempotencyKey?: string | null,
  ): Promise<EnrollmentResult> {
    return this.result(
      await preRegister(writerOf(context), input, idempotencyKey),
      'Early Registration Added',
    );
  }

  @Mutation(() => EnrollmentResult, {
    description:
      'Enrols a learner at your school (§V.A-§V.D); with a first attendance, issues the LRN. Refused with ALREADY_ENROLLED, naming the school, when the learner is enrolled elsewhere this year.',
  })
  async enrollLearner(
    @Arg('input', () => EnrollLearnerInput) input: EnrollLearnerInput,
    @Ctx() context: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: keyDescription })
    idempotencyKey?: string | null,
  ): Promise<EnrollmentResult> {
    return this.result(await enrollLearner(writerOf(context), input, idempotencyKey));
  }

  @Mutation(() => EnrollmentResult, {
    description:
      'Registers a learner with no record and enrols it at your school as one act (issue 21): both are saved, or neither. Refused with DUPLICATE_SUSPECTED when likely duplicates exist, unless learner.confirmNoDuplicate; errors name input.learner.* or input.enrollment.*.',
  })
  async enrollNewLearner(
    @Arg('input', () => EnrollNewLearnerInput) input: EnrollNewLearnerInput,
    @Ctx() context: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: keyDescription })
    idempotencyKey?: string | null,
  ): Promise<EnrollmentResult> {
    return this.result(await enrollNewLearner(writerOf(context), input, idempotencyKey));
  }

  @Mutation(() => EnrollmentResult, {
    description: 'The first date of attendance: the LRN, then official or temporary (§V.B, §V.C).',
  })
  async recordFirstAttendance(
    @Arg('input', () => FirstAttendanceInput) input: FirstAttendanceInput,
    @Ctx() context: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: keyDescription })
    idempotencyKey?: string | null,
  ): Promise<EnrollmentResult> {
    return this.result(
      await recordFirstAttendance(writerOf(context), input, idempotencyKey),
      'First Attendance Recorded',
    );
  }

  @Mutation(() => EnrollmentResult, {
    description: 'A document received; the last required one makes the enrollment official (§V.C).',
  })
  async submitDocument(
    @Arg('input', () => SubmitDocumentInput) input: SubmitDocumentInput,
    @Ctx() context: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: keyDescription })
    idempotencyKey?: string | null,
  ): Promise<EnrollmentResult> {
    return this.result(
      await submitDocument(writerOf(context), input, idempotencyKey),
      'Document Received',
    );
  }

  @Mutation(() => EnrollmentResult, {
    description:
      'A learner moving in from another school during the year (§V.E); the origin’s enrollment becomes MOVED_OUT.',
  })
  async moveLearner(
    @Arg('input', () => MoveLearnerInput) input: MoveLearnerInput,
    @Ctx() context: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: keyDescription })
    idempotencyKey?: string | null,
  ): Promise<EnrollmentResult> {
    return this.result(
      await moveLearner(writerOf(context), input, idempotencyKey),
      'Learner Moved In',
    );
  }

  @Mutation(() => EnrollmentResult, { description: 'Transfer to ALS (§V.E).' })
  async transferToAls(
    @Arg('input', () => TransferToAlsInput) input: TransferToAlsInput,
    @Ctx() context: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: keyDescription })
    idempotencyKey?: string | null,
  ): Promise<EnrollmentResult> {
    return this.result(
      await transferToAls(writerOf(context), input, idempotencyKey),
      'Transferred to ALS',
    );
  }

  @Mutation(() => EnrollmentResult, { description: 'Dropping out, with the reason (§IV.l).' })
  async dropOut(
    @Arg('input', () => DropOutInput) input: DropOutInput,
    @Ctx() context: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: keyDescription })
    idempotencyKey?: string | null,
  ): Promise<EnrollmentResult> {
    return this.result(await dropOut(writerOf(context), input, idempotencyKey), 'Dropped Out');
  }

  @Mutation(() => EnrollmentResult, {
    description:
      'The school head approves an enrolment awaiting approval (§V.D), with the catch-up plan a late learner needs: it becomes what it would have been, with its LRN.',
  })
  async approveEnrollment(
    @Arg('input', () => ApproveEnrollmentInput) input: ApproveEnrollmentInput,
    @Ctx() context: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: keyDescription })
    idempotencyKey?: string | null,
  ): Promise<EnrollmentResult> {
    return this.result(
      await approveEnrollment(writerOf(context), input, idempotencyKey),
      'Enrolment Approved',
    );
  }

  @Mutation(() => EnrollmentResult, {
    description: 'The school head declines an enrolment awaiting approval, with the reason (§V.D).',
  })
  async declineEnrollment(
    @Arg('input', () => DeclineEnrollmentInput) input: DeclineEnrollmentInput,
    @Ctx() context: Context,
    @Arg('idempotencyKey', () => String, { nullable: true, description: keyDescription })
    idempotencyKey?: string | null,
  ): Promise<EnrollmentResult> {
    return this.result(
      await declineEnrollment(writerOf(context), input, idempotencyKey),
      'Enrolment Declined',
    );
  }

  @Query(() => Enrollment, { nullable: true, description: 'An enrollment in your scope.' })
  async enrollment(@Arg('id', () => ID) id: string, @Ctx() { dataSource, viewer }: Context) {
    const found = await findEnrollment(dataSource, viewer!, id);
    return found ? toEnrollment(found) : null;
  }

  @Query(() => ClassList, { description: 'A school’s class list for a year (SF1-like).' })
  async classList(
    @Arg('schoolId', { description: '6-digit School ID' }) schoolId: string,
    @Arg('schoolYear') schoolYear: string,
    @Arg('filter', () => ClassListFilter, { nullable: true }) filter: ClassListFilter | null,
    @Ctx() { dataSource, viewer }: Context,
  ): Promise<ClassList> {
    const list = await classList(
      dataSource,
      viewer!,
      schoolId,
      schoolYear,
      filter ?? Object.assign(new ClassListFilter(), { limit: 100, offset: 0 }),
    );
    return { total: list.total, asOf: list.asOf, rows: list.rows.map(toRow) };
  }

  @Query(() => [TemporaryEnrollment], {
    description:
      'Temporarily enrolled learners whose documents are due within the days given, or overdue (§V.C).',
  })
  async temporaryEnrollments(
    @Arg('schoolYear') schoolYear: string,
    @Arg('dueWithinDays', () => Int, { defaultValue: 14 }) dueWithinDays: number,
    @Ctx() { dataSource, viewer }: Context,
  ): Promise<TemporaryEnrollment[]> {
    const rows = await temporaryEnrollments(dataSource, viewer!, schoolYear, dueWithinDays);
    return rows.map((r) =>
      Object.assign(new TemporaryEnrollment(), {
        learner: toRow(r),
        schoolId: formatSchoolId(r.school_id),
        schoolName: r.school_name,
        documentsDueBy: r.documents_due_by,
        daysLeft: r.days_left,
        overdue: r.days_left < 0,
      }),
    );
  }

  @Query(() => [QuickCountDay], {
    description:
      'The quick count (§VI): learners attending per school per school day of the window.',
  })
  async quickCount(
    @Arg('schoolYear') schoolYear: string,
    @Ctx() { dataSource, viewer }: Context,
    @Arg('schoolId', () => String, { nullable: true }) schoolId?: string | null,
    @Arg('divisionId', () => ID, { nullable: true }) divisionId?: string | null,
  ): Promise<QuickCountDay[]> {
    const rows = await quickCount(dataSource, viewer!, schoolYear, schoolId, divisionId);
    return rows.map((r) =>
      Object.assign(new QuickCountDay(), {
        schoolId: r.school_id,
        schoolName: r.school_name,
        date: r.date,
        enrolled: r.enrolled,
        male: r.male,
        female: r.female,
      }),
    );
  }

  @Query(() => [PreRegistrationDay], {
    description: 'Early registrations per school per day (§V.A), with the OSC and OSY among them.',
  })
  async preRegistrationsByDay(
    @Arg('schoolYear') schoolYear: string,
    @Ctx() { dataSource, viewer }: Context,
    @Arg('schoolId', () => String, { nullable: true }) schoolId?: string | null,
    @Arg('divisionId', () => ID, { nullable: true }) divisionId?: string | null,
  ): Promise<PreRegistrationDay[]> {
    const rows = await preRegistrationsByDay(dataSource, viewer!, schoolYear, schoolId, divisionId);
    return rows.map((r) =>
      Object.assign(new PreRegistrationDay(), {
        schoolId: r.school_id,
        schoolName: r.school_name,
        date: r.date,
        registrations: r.registrations,
        outOfSchoolChildren: r.out_of_school_children,
        outOfSchoolYouth: r.out_of_school_youth,
      }),
    );
  }
}
