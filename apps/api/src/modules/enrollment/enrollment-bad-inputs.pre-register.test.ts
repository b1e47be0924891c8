import { describe } from 'vitest';
import { preRegisterRows } from '../../../test/bad-inputs/pre-register.rows.js';
import { itRefusesEachRow } from '../../../test/bad-inputs/table.js';
import { useBadInputsWorld } from '../../../test/bad-inputs/world.js';

useBadInputsWorld();

describe('refused inputs write nothing', () => {
  itRefusesEachRow(preRegisterRows);
});
