import { approvalNeed, needsCatchUpPlan } from '@repo/domain/enrollment-approval';
import { type EnrollmentStatus, type GradeLevel, type Strand } from '@repo/domain/enums';
import { parseSchoolYear, type SchoolCalendar } from '@repo/domain/school-year';
import { type DataSource } from 'typeorm';
import { inViewerScope } from '../../db/scoped.js';
import { badUserInput } from '../../errors.js';
import { auditAll } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';
import { findCalendar } from '../calendar/calendar.service.js';
import { schoolOf } from './enrollment-records.js';
import { type EnrollmentApproval } from './enrollment-approval.type.js';

interface ApprovalRowData {
  enrollment_id: string;
  learner_id: string;
  lrn: string | null;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  school_year: string;
  grade_level: GradeLevel;
  strand: Strand | null;
  status: EnrollmentStatus;
  enrolled_on: string;
  first_attendance: string | null;
  moved_in: boolean;
  requested_on: string;
  decided_on: string | null;
  decision: 'APPROVED_BY_HEAD' | 'DECLINED_BY_HEAD' | null;
  note: string | null;
}

const refusal = 'Approvals of late enrolments belong to a school: its registrar and its head';

/**
 * The school's enrolments that needed the head's approval (§V.D; issue 21), awaiting first, then
 * decided, newest first: the head's queue and the registrar's outcomes. Personal data: the viewer's
 * own school only, read as the viewer under row-level security; every learner listed is recorded.
 */
export function enrollmentApprovals(
  dataSource: DataSource,
  viewer: Viewer,
  schoolYear: string | null,
) {
  const schoolId = schoolOf(viewer, refusal);
  if (schoolYear !== null && !parseSchoolYear(schoolYear))
    throw badUserInput(
      'schoolYear',
      'SCHOOL_YEAR_INVALID',
      'schoolYear must read like "2025-2026"',
    );
  return inViewerScope(
    dataSource,
    viewer,
    async (manager) => {
      const rows = await manager.query<ApprovalRowData[]>(
        `SELECT e.id::text AS enrollment_id, l.id::text AS learner_id, l.lrn, l.last_name,
                l.first_name, l.middle_name, e.school_year, e.grade_level, e.strand, e.status,
                to_char(e.enrolled_on, 'YYYY-MM-DD') AS enrolled_on,
                to_char(e.first_attendance, 'YYYY-MM-DD') AS first_attendance, e.moved_in,
                to_char(f.effective_on, 'YYYY-MM-DD') AS requested_on,
                to_char(d.effective_on, 'YYYY-MM-DD') AS decided_on, d.reason AS decision, d.note
         FROM enrollment e JOIN learner l ON l.id = e.learner_id
         JOIN LATERAL (SELECT h.effective_on, h.id FROM enrollment_status_change h
                       WHERE h.enrollment_id = e.id AND h.status = 'AWAITING_APPROVAL'
                       ORDER BY h.id DESC LIMIT 1) f ON true
         LEFT JOIN LATERAL (SELECT h.effective_on, h.reason, h.note FROM enrollment_status_change h
                            WHERE h.enrollment_id = e.id
                              AND h.reason IN ('APPROVED_BY_HEAD', 'DECLINED_BY_HEAD')
                            ORDER BY h.id DESC LIMIT 1) d ON true
         WHERE e.school_id = $1 AND ($2::text IS NULL OR e.school_year = $2::text)
         ORDER BY (e.status = 'AWAITING_APPROVAL') DESC, f.id DESC
         LIMIT 500`,
        [schoolId, schoolYear],
      );
      await auditAll(
        manager,
        viewer,
        rows.map((r) => ({
          action: 'LEARNER_LISTED',
          entity: 'learner',
          entityId: r.learner_id,
          after: { list: 'ENROLLMENT_APPROVALS', schoolYear: r.school_year },
        })),
      );
      const calendars = new Map<string, SchoolCalendar>();
      for (const year of new Set(rows.map((r) => r.school_year)))
        calendars.set(year, (await findCalendar(manager, year))!);
      return rows.map((r) => toApproval(r, calendars.get(r.school_year)!));
    },
    { readMostly: true },
  );
}

/** A row with why it needs the approval, as the domain judges it from the day it was entered. */
function toApproval(r: ApprovalRowData, calendar: SchoolCalendar): EnrollmentApproval {
  const need = approvalNeed({
    calendar,
    enrolledOn: r.enrolled_on,
    firstAttendance: r.first_attendance,
    enteredOn: r.requested_on,
    movedIn: r.moved_in,
  });
  return {
    enrollmentId: r.enrollment_id,
    learnerId: r.learner_id,
    lrn: r.lrn,
    lastName: r.last_name,
    firstName: r.first_name,
    middleName: r.middle_name,
    schoolYear: r.school_year,
    gradeLevel: r.grade_level,
    strand: r.strand,
    status: r.status,
    enrolledOn: r.enrolled_on,
    firstAttendance: r.first_attendance,
    requestedOn: r.requested_on,
    reasons: need?.reasons ?? [],
    remainingSchoolDays: need?.remainingSchoolDays ?? null,
    requiredSchoolDays: need?.requiredSchoolDays ?? null,
    backdatedDays: need?.backdatedDays ?? null,
    catchUpPlanRequired: need ? needsCatchUpPlan(need) : false,
    decidedOn: r.decided_on,
    catchUpPlan: r.decision === 'APPROVED_BY_HEAD' ? r.note : null,
    declineReason: r.decision === 'DECLINED_BY_HEAD' ? r.note : null,
  };
}

/** How many of the school's enrolments await the head's approval: a count, no personal data. */
export function enrollmentApprovalsAwaiting(dataSource: DataSource, viewer: Viewer) {
  const schoolId = schoolOf(viewer, refusal);
  return inViewerScope(
    dataSource,
    viewer,
    async (manager) => {
      const [row] = await manager.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM enrollment
         WHERE school_id = $1 AND status = 'AWAITING_APPROVAL'`,
        [schoolId],
      );
      return row?.n ?? 0;
    },
    { readMostly: true },
  );
}
