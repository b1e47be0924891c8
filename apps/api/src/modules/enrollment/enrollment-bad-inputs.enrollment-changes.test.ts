import { describe } from 'vitest';
import {
  dropOutRows,
  firstAttendanceRows,
  moveLearnerRows,
  submitDocumentRows,
  transferToAlsRows,
} from '../../../test/bad-inputs/enrollment-changes.rows.js';
import { itRefusesEachRow } from '../../../test/bad-inputs/table.js';
import { useBadInputsWorld } from '../../../test/bad-inputs/world.js';

useBadInputsWorld();

// The commands that change an enrollment once it exists: attending, documents, moving, leaving.
describe('refused inputs write nothing', () => {
  itRefusesEachRow([
    ...firstAttendanceRows,
    ...submitDocumentRows,
    ...moveLearnerRows,
    ...transferToAlsRows,
    ...dropOutRows,
  ]);
});
