import { describe, expect, it } from 'vitest';
import { enrollLearnerRows } from '../../../test/bad-inputs/enroll-learner.rows.js';
import { itRefusesEachRow } from '../../../test/bad-inputs/table.js';
import { useBadInputsWorld, world } from '../../../test/bad-inputs/world.js';
import { footprint, mutate } from '../../../test/enrollment-fixtures.js';
import { SY } from '../../../test/enrollment-scenario.js';

useBadInputsWorld();

describe('refused inputs write nothing', () => {
  itRefusesEachRow(enrollLearnerRows);

  it('an ALS program at a school without a learning center is a grade it does not offer', async () => {
    const { dataSource, server, tokens, f } = world;
    const before = await footprint(dataSource, f.fresh);
    const outcome = await mutate(server, tokens.registrar, 'enrollLearner', 'EnrollLearnerInput', {
      learnerId: f.fresh,
      schoolYear: SY,
      gradeLevel: 'ALS_BLP',
      enrolledOn: '2026-09-01',
      firstAttendance: '2026-09-07',
    });
    expect(outcome.result).toBeNull();
    expect(outcome.error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.gradeLevel',
      rule: 'GRADE_NOT_OFFERED',
    });
    expect(await footprint(dataSource, f.fresh)).toEqual(before);
  });
});
