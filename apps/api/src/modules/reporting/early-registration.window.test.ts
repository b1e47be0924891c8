import { Role } from '@repo/domain/access';
import { addDays } from '@repo/domain/civil-date';
import { pinClockDuring, seededCalendar, today } from '../../../test/clock-fixtures.js';
import { mutate, newProfile } from '../../../test/enrollment-fixtures.js';
import { createTestAccount } from '../../../test/harness.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NEXT,
  NEXT_PREVIOUS,
  openTrackerWorld,
  type TrackerWorld,
} from '../../../test/early-registration-fixtures.js';

// The tracker through a window while it runs, the clock held on its days, in a region of this
// file's own (the fixture's fourth world). Each test holds the clock itself, so the file answers
// the same at any run day.
let world: TrackerWorld;
beforeAll(async () => {
  world = await openTrackerWorld(3);
});
afterAll(() => world.close());

describe(`earlyRegistrationProgress through SY ${NEXT}'s window, the clock held on its days`, () => {
  const { earlyRegistrationStart: start, earlyRegistrationEnd: end } = seededCalendar(NEXT).dates;
  /** The window's days from its first to `last`, as the tracker lists them. */
  const windowThrough = (last: string) => {
    const days: string[] = [];
    for (let day = start; day <= last; day = addDays(day, 1)) days.push(day);
    return days;
  };

  // Each row holds the clock on its own day, so each day gets one registration of its own.
  it.each([
    ['the day before it opens', addDays(start, -1)],
    ['its first day', start],
    ['a day of its third week', addDays(start, 14)],
    ['its last day', end],
    ['the day after it closes', addDays(end, 1)],
  ])('on %s (%s): a registration dated today, and the days listed up to today', async (_, day) => {
    const { ok, division, A, dataSource, server, expectMatchesRawCounts } = world;
    const held = pinClockDuring(day);
    try {
      expect(today()).toBe(day);
      // Signed in on the held day: a token of the run's own day may have expired by then.
      const registrar = (
        await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: A })
      ).token;
      const monitor = (
        await createTestAccount(dataSource, Role.DIVISION_MONITOR, { divisionId: division })
      ).token;
      const open = start <= day && day <= end;
      const outcome = await mutate(server, registrar, 'preRegister', 'PreRegisterInput', {
        learner: newProfile('2023-03-10'),
        schoolYear: NEXT,
        gradeLevel: 'KINDER',
      });
      if (open) {
        expect(outcome.error).toBeNull();
        expect(outcome.result!.enrollment.registeredOn).toBe(day);
      } else {
        expect(outcome.error).toMatchObject({
          field: 'input.registeredOn',
          rule: 'OUTSIDE_EARLY_REGISTRATION_WINDOW',
        });
      }

      const answer = await ok(monitor, { schoolYear: NEXT });
      expect(answer).toMatchObject({ schoolYear: NEXT, windowStart: start, windowEnd: end });
      expect(answer.days.map((d) => d.date)).toEqual(windowThrough(day < end ? day : end));
      if (open) expect(answer.days.at(-1)).toMatchObject({ date: day, registrations: 1 });
      await expectMatchesRawCounts(answer, 's.division_id', division, {
        schoolYear: NEXT,
        previous: NEXT_PREVIOUS,
      });
    } finally {
      held.restore();
    }
  });
});
