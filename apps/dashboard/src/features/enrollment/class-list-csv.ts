import { stringify } from 'csv-stringify/browser/esm/sync';
import { sexLabel } from '@repo/domain/enums';
import { inertCell } from '@repo/domain/spreadsheet-cell';
import { type EnrollClassListQuery } from '../../gql/graphql.js';
import { gradeLabel, statusLabel } from '../labels.js';
import { documentLabel } from './enrollment-labels.js';

export type ClassListRow = EnrollClassListQuery['classList']['rows'][number];

/**
 * The class list (SF1-like) as a spreadsheet: one learner a row, in the order shown; a text cell a
 * spreadsheet would take for a formula opens as text (inertCell).
 */
export function classListCsv(rows: readonly ClassListRow[]): string {
  return stringify(
    [
      [
        'LRN',
        'Last Name',
        'First Name',
        'Middle Name',
        'Extension',
        'Sex',
        'Birth Date',
        'Grade Level',
        'Strand',
        'Status',
        'First Attendance',
        'Missing Documents',
        'Documents Due By',
        'Categories',
      ],
      ...rows.map((r) => [
        r.lrn ?? '',
        r.lastName,
        r.firstName,
        r.middleName ?? '',
        r.extensionName ?? '',
        sexLabel[r.sex],
        r.birthDate,
        gradeLabel[r.gradeLevel],
        r.strand ?? '',
        statusLabel[r.status],
        r.firstAttendance ?? '',
        r.missingDocuments.map((d) => documentLabel[d]).join('; '),
        r.documentsDueBy ?? '',
        r.categories.join('; '),
      ]),
    ],
    { cast: { string: inertCell } },
  );
}
