import { describe, expect, it } from 'vitest';
import { enrollLearnerRows } from '../../../test/bad-inputs/enroll-learner.rows.js';
import {
  dropOutRows,
  firstAttendanceRows,
  moveLearnerRows,
  submitDocumentRows,
  transferToAlsRows,
} from '../../../test/bad-inputs/enrollment-changes.rows.js';
import { preRegisterRows } from '../../../test/bad-inputs/pre-register.rows.js';
import { schoolCalendarRows } from '../../../test/bad-inputs/school-calendar.rows.js';
import { errorKey } from '../../../test/bad-inputs/table.js';

/**
 * The refused-input tables, one per command, run in enrollment-bad-inputs.<command>.test.ts; this
 * file holds them to one rule together.
 */
const rows = [
  ...preRegisterRows,
  ...enrollLearnerRows,
  ...firstAttendanceRows,
  ...submitDocumentRows,
  ...moveLearnerRows,
  ...transferToAlsRows,
  ...dropOutRows,
  ...schoolCalendarRows,
];

describe('refused inputs write nothing', () => {
  it('the table names a distinct error in each row', () => {
    expect(rows.length).toBeGreaterThanOrEqual(35);
    const keys = rows.map((row) => errorKey(row.expected));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
