import { mutate, newProfile } from '../../../test/enrollment-fixtures.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectWorstFirst,
  SY,
  openTrackerWorld,
  type TrackerWorld,
} from '../../../test/early-registration-fixtures.js';

// The tracker's counts in one division of a region no other test file writes in (the fixture's
// world: three schools with last year's enrollment and this year's registrations).
let world: TrackerWorld;
beforeAll(async () => {
  world = await openTrackerWorld(0);
});
afterAll(() => world.close());

describe('earlyRegistrationProgress (SPEC §4.2, §5)', () => {
  it('counts every day of the window and the running total as the enrollments do', async () => {
    const { ok, tokens, division, expectMatchesRawCounts } = world;
    const answer = await ok(tokens.division!);
    expect(answer).toMatchObject({
      schoolYear: SY,
      windowStart: '2026-01-31',
      windowEnd: '2026-02-27',
      registrations: 5,
      previousYearEnrollment: 4 + 4 + 5,
      outOfSchoolChildren: 1,
      outOfSchoolYouth: 2,
    });
    expect(answer.progress).toBeCloseTo(5 / 13);
    expect(answer.days).toHaveLength(28);
    expect(answer.days[0]).toEqual({
      date: '2026-01-31',
      registrations: 1,
      cumulative: 1,
      previousYearEnrollment: 13,
    });
    expect(answer.days.find((d) => d.date === '2026-02-02')).toMatchObject({
      registrations: 2,
      cumulative: 3,
    });
    expect(answer.days.find((d) => d.date === '2026-02-10')).toMatchObject({
      registrations: 0,
      cumulative: 4,
    });
    expect(answer.days.at(-1)).toMatchObject({
      date: '2026-02-27',
      registrations: 1,
      cumulative: 5,
    });
    await expectMatchesRawCounts(answer, 's.division_id', division);
  });

  it('lists the schools with no registration first, the largest last year first, then the lowest progress', async () => {
    const { ok, tokens, division, A, B, C, dataSource } = world;
    const answer = await ok(tokens.division!);
    const schoolCount = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM school WHERE division_id = $1
         AND (offers_kinder OR offers_elementary OR offers_junior_high OR offers_senior_high)`,
      [division],
    );
    expect(answer.schools).toHaveLength(schoolCount[0]!.n);
    expect(answer.schools.every((s) => s.school.division.id === String(division))).toBe(true);
    expectWorstFirst(answer.schools);
    const id = (school: number) => String(school).padStart(6, '0');
    expect(answer.schools[0]).toMatchObject({
      school: { schoolId: id(C) },
      registrations: 0,
      previousYearEnrollment: 5,
      progress: 0,
      lastRegistrationOn: null,
    });
    expect(answer.schools.at(-2)).toMatchObject({
      school: { schoolId: id(B) },
      registrations: 2,
      previousYearEnrollment: 4,
      progress: 0.5,
      lastRegistrationOn: '2026-02-27',
    });
    expect(answer.schools.at(-1)).toMatchObject({
      school: { schoolId: id(A) },
      registrations: 3,
      previousYearEnrollment: 4,
      progress: 0.75,
      lastRegistrationOn: '2026-02-05',
    });
    expect(answer.divisions).toEqual([
      {
        division: { id: String(division) },
        schools: answer.schools.length,
        schoolsWithoutRegistration: answer.schools.length - 2,
        registrations: 5,
        previousYearEnrollment: 13,
        progress: 5 / 13,
      },
    ]);
  });

  it('counts OSC and OSY by circumstance, in every grade', async () => {
    const { ok, tokens } = world;
    const answer = await ok(tokens.division!);
    expect(answer.outOfSchool).toHaveLength(14);
    expect(answer.outOfSchool.filter((c) => c.children + c.youth > 0)).toEqual([
      { circumstance: 'DISABILITY', children: 1, youth: 1 },
      { circumstance: 'OFF_GRID_COMMUNITY', children: 1, youth: 0 },
      { circumstance: 'WANTS_TO_RETURN_TO_SCHOOL', children: 0, youth: 2 },
    ]);
  });

  it('still counts a registration once it becomes an enrollment', async () => {
    const { ok, tokens, division, A, server, kinderRegistration, expectMatchesRawCounts } = world;
    const before = await ok(tokens.division!);
    const enrolled = await mutate(
      server,
      tokens[`registrar${A}`]!,
      'enrollLearner',
      'EnrollLearnerInput',
      {
        learnerId: kinderRegistration.enrollment.learnerId,
        schoolYear: SY,
        gradeLevel: 'KINDER',
        admissionBasis: 'KINDER_AGE_5',
        documents: ['PSA_BIRTH_CERTIFICATE'],
        enrolledOn: '2026-06-08',
        firstAttendance: '2026-06-15',
      },
    );
    expect(enrolled.error).toBeNull();
    expect(enrolled.result!.enrollment).toMatchObject({
      id: kinderRegistration.enrollment.id,
      status: 'OFFICIALLY_ENROLLED',
    });
    const after = await ok(tokens.division!);
    expect(after).toEqual(before);
    await expectMatchesRawCounts(after, 's.division_id', division);
  });

  it('counts a registration the moment it commits', async () => {
    const { ok, tokens, division, C, preRegister, expectMatchesRawCounts } = world;
    const before = await ok(tokens.division!);
    await preRegister(C, {
      learner: newProfile('2021-01-20'),
      gradeLevel: 'KINDER',
      registeredOn: '2026-02-20',
    });
    const after = await ok(tokens.division!);
    expect(after.registrations).toBe(before.registrations + 1);
    expect(after.days.find((d) => d.date === '2026-02-20')).toMatchObject({ registrations: 1 });
    const c = after.schools.find((s) => s.school.schoolId === String(C).padStart(6, '0'));
    expect(c).toMatchObject({ registrations: 1, progress: 0.2, lastRegistrationOn: '2026-02-20' });
    expect(after.schools[0]!.school.schoolId).not.toBe(String(C).padStart(6, '0'));
    expectWorstFirst(after.schools);
    await expectMatchesRawCounts(after, 's.division_id', division);
  });
});
