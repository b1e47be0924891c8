import { type ClassListExportFormat, registerStatuses } from '@repo/domain/school-register';
import { type DataSource } from 'typeorm';
import { inViewerScope } from '../../db/scoped.js';
import { badUserInput, refused } from '../../errors.js';
import { numericId } from '../../ids.js';
import { auditAll } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';
import { type ClassListSelection } from './enrollment.input.js';
import {
  checkSchoolYear,
  classListQuery,
  classListSchool,
  type ClassListRowData,
  rowColumns,
} from './enrollment.queries.js';

/**
 * The most learners one export holds: above the largest school in DepEd's SY 2023-24 list
 * (17,167 learners), so a school's whole list fits, and a runaway request is still bounded.
 */
export const maxExportRows = 25_000;

export interface ClassListExportRowData extends ClassListRowData {
  mother_tongue: string | null;
  ip_community: string | null;
}

/**
 * Every learner of a school's class list for a year, in grade order, for its CSV or its printed
 * SF1 (issue 21): the page limit of the screen's list is not lifted for anyone; this is a query of
 * its own, for the accounts that may see the class list (operation-access.ts), each learner in it
 * on the audit trail as exported and the export itself as one entry for the school.
 *
 * The SF1 is the school's own register, prepared by the adviser and certified by the head: only
 * the school prints it, and only it adds the register's mother tongue and IP ethnic group. The
 * CSV carries the screen's columns. The SF1 lists the enrolled (a pre-registered learner is not
 * enrolled, §V.A) unless a status is asked for.
 */
export function classListExport(
  dataSource: DataSource,
  viewer: Viewer,
  schoolIdText: string,
  schoolYear: string,
  selection: ClassListSelection,
  format: ClassListExportFormat,
) {
  const schoolId = numericId('school', schoolIdText, 'schoolId');
  checkSchoolYear(schoolYear);
  if (format === 'SF1' && viewer.scope.kind !== 'SCHOOL')
    throw refused('OUTSIDE_SCOPE', 'The SF1 is printed by the school itself', {
      rule: 'SF1_SCHOOL_ONLY',
    });
  return inViewerScope(
    dataSource,
    viewer,
    async (manager) => {
      await classListSchool(manager, viewer, schoolId, schoolIdText);
      const { from, params, orderBy, orderedParams } = classListQuery(schoolId, schoolYear, {
        ...selection,
        statuses: selection.status ? null : format === 'SF1' ? registerStatuses : null,
      });
      const [{ total }] = (await manager.query<{ total: number }[]>(
        `SELECT count(*)::int AS total ${from}`,
        params,
      )) as [{ total: number }];
      if (total > maxExportRows)
        throw badUserInput(
          'filter',
          'EXPORT_TOO_LARGE',
          `At most ${maxExportRows} learners in one export: choose a grade level`,
        );
      const register =
        format === 'SF1'
          ? ', l.mother_tongue, CASE WHEN l.is_indigenous THEN l.ip_community END AS ip_community'
          : ', NULL AS mother_tongue, NULL AS ip_community';
      const rows = await manager.query<ClassListExportRowData[]>(
        `SELECT ${rowColumns}${register} ${from} ${orderBy}`,
        orderedParams,
      );
      const after = { list: 'CLASS_LIST', format, schoolId: schoolIdText, schoolYear };
      await auditAll(manager, viewer, [
        {
          action: 'CLASS_LIST_EXPORTED',
          entity: 'school',
          entityId: schoolIdText,
          after: { ...after, selection: { ...selection }, learners: rows.length },
        },
        ...rows.map((r) => ({
          action: 'LEARNER_EXPORTED',
          entity: 'learner',
          entityId: r.learner_id,
          after,
        })),
      ]);
      return rows;
    },
    { readMostly: true },
  );
}
