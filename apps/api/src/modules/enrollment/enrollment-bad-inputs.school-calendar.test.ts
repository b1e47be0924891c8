import { describe } from 'vitest';
import { schoolCalendarRows } from '../../../test/bad-inputs/school-calendar.rows.js';
import { itRefusesEachRow } from '../../../test/bad-inputs/table.js';
import { useBadInputsWorld } from '../../../test/bad-inputs/world.js';

useBadInputsWorld();

describe('refused inputs write nothing', () => {
  itRefusesEachRow(schoolCalendarRows);
});
