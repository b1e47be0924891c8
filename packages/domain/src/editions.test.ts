import { describe, expect, it } from 'vitest';
import { do03s2018, editionFor, type PolicyEdition, rulesFor } from './editions.js';

describe('policy editions (DO 03 s. 2018 §VIII: in force from SY 2018-2019)', () => {
  it.each([
    ['§VIII SY 2017-2018 is before the order', '2017-2018', null],
    ['§VIII SY 2018-2019 is the first year', '2018-2019', 'DO_03_S_2018'],
    ['§VIII SY 2025-2026: DO 03 until a later edition is added', '2025-2026', 'DO_03_S_2018'],
    ['not a school year', '2025', null],
  ])('%s', (_, schoolYear, id) => {
    expect(editionFor(schoolYear)?.id ?? null).toBe(id);
  });

  it('§V.A DO 03 sets Kinder at five and the cut-off at 31 August', () => {
    expect(rulesFor('2025-2026')).toMatchObject({
      kinderMinimumAge: 5,
      ageCutoff: { month: 8, day: 31 },
      lateEnrollmentAttendanceShare: 0.8,
    });
  });

  it('a later edition overrides from its first year, leaving earlier years alone', () => {
    const later: PolicyEdition = {
      id: 'LATER',
      title: 'A later order',
      fromStartYear: 2026,
      overrides: { ageCutoff: { month: 6, day: 30 } },
    };
    const list = [do03s2018, later];
    expect(rulesFor('2025-2026', list)?.ageCutoff).toEqual({ month: 8, day: 31 });
    expect(rulesFor('2026-2027', list)?.ageCutoff).toEqual({ month: 6, day: 30 });
    expect(rulesFor('2026-2027', list)?.kinderMinimumAge).toBe(5);
    expect(rulesFor('2017-2018', list)).toBeNull();
  });
});
