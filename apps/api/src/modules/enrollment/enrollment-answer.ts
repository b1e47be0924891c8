import { type DataSource } from 'typeorm';
import { inViewerScope } from '../../db/scoped.js';
import { isId } from '../../ids.js';
import { audit } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';
import { type EnrollmentEntity, type EnrollmentStatusChangeEntity } from './enrollment.entity.js';

/** An enrollment with its LRN, documents and history, as one row of JSON (the API's shape). */
export interface EnrollmentAnswerRow {
  enrollment: EnrollmentEntity;
  lrn: string | null;
  documents: { documentType: string; receivedOn: string }[];
  history: (Omit<EnrollmentStatusChangeEntity, 'recordedAt'> & { recordedAt: string })[];
}

/** The statement both readers of an enrollment send; `id` is a parameter or a quoted literal. */
export const enrollmentAnswer = (id: string) => `
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

export const toAnswer = (row: EnrollmentAnswerRow | undefined) =>
  row
    ? { ...row, history: row.history.map((h) => ({ ...h, recordedAt: new Date(h.recordedAt) })) }
    : null;

/** An enrollment in scope, with its documents and history; null when outside scope. Recorded. */
export function findEnrollment(dataSource: DataSource, viewer: Viewer, id: string) {
  if (!isId('enrollment', id)) return Promise.resolve(null);
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
