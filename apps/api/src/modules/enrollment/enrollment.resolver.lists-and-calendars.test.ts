import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLearner, mutate } from '../../../test/enrollment-fixtures.js';
import {
  closeEnrollmentScenario,
  type EnrollmentScenario,
  LA_PAZ,
  ok,
  openEnrollmentScenario,
  SY,
} from '../../../test/enrollment-scenario.js';
import { createTestAccount, type TestServer } from '../../../test/harness.js';

/** Class lists and quick counts by scope; the school calendars an administrator sets. */

let scenario: EnrollmentScenario;
let dataSource: DataSource;
let server: TestServer;
let registrar: string;
let adamsRegistrar: string;
let division: string;
let region: string;

beforeAll(async () => {
  scenario = await openEnrollmentScenario();
  ({ dataSource, server, registrar, adamsRegistrar, division, region } = scenario);
  // This file's own Kindergarten learner at La Paz, attending from the opening day: the lists and
  // counts below must not depend on what other files happened to write before them.
  const learnerId = await createLearner(server, registrar, '2021-03-10');
  const enrolled = ok(
    await mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', {
      learnerId,
      schoolYear: SY,
      gradeLevel: 'KINDER',
      admissionBasis: 'KINDER_AGE_5',
      documents: ['PSA_BIRTH_CERTIFICATE'],
      enrolledOn: '2026-06-08',
      firstAttendance: '2026-06-15',
    }),
  );
  expect(enrolled.enrollment.status).toBe('OFFICIALLY_ENROLLED');
});
afterAll(() => closeEnrollmentScenario(scenario));

describe('lists and counts', () => {
  it('class list for the school and its division; refused for another school and for a region', async () => {
    const query = `query($schoolId: String!) {
      classList(schoolId: $schoolId, schoolYear: "${SY}", filter: { gradeLevel: KINDER }) {
        total rows { lrn lastName sex gradeLevel status categories }
      }
    }`;
    const own = await server.graphql<{ classList: { total: number; rows: unknown[] } }>(
      query,
      { schoolId: String(LA_PAZ) },
      registrar,
    );
    expect(own.data!.classList.total).toBeGreaterThan(0);
    const byDivision = await server.graphql<{ classList: { total: number } }>(
      query,
      { schoolId: String(LA_PAZ) },
      division,
    );
    expect(byDivision.data!.classList.total).toBe(own.data!.classList.total);
    const other = await server.graphql(query, { schoolId: String(LA_PAZ) }, adamsRegistrar);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'OUTSIDE_SCOPE' });
    const regional = await server.graphql(query, { schoolId: String(LA_PAZ) }, region);
    expect(regional.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('quick count per school day in the window, counts only, for the region too', async () => {
    const counts = await server.graphql<{
      quickCount: { date: string; enrolled: number; male: number; female: number }[];
    }>(
      `query { quickCount(schoolYear: "${SY}", schoolId: "${LA_PAZ}") { date enrolled male female } }`,
      {},
      region,
    );
    const days = counts.data!.quickCount;
    expect(days[0]!.date).toBe('2026-06-15');
    expect(days.at(-1)!.date).toBe('2026-06-30');
    expect(days.at(-1)!.enrolled).toBeGreaterThan(0);
    for (const day of days) expect(day.male + day.female).toBe(day.enrolled);
  });
});

describe('school calendars (SPEC §2)', () => {
  it('an administrator sets a year; the policy dates derive from it, overrides win, a stale change is refused', async () => {
    const admin = (await createTestAccount(dataSource, Role.ADMINISTRATOR)).token;
    const set = `mutation($input: SchoolCalendarInput!) {
      setSchoolCalendar(input: $input) {
        schoolYear version overridden
        policyDates { earlyRegistrationStart earlyRegistrationEnd ageCutoff transferWindowStart quickCountEnd alsFirstAttendanceCutoff }
      }
    }`;
    const input = {
      schoolYear: '2031-2032',
      openingDay: '2031-06-16',
      closingDay: '2032-03-31',
      prescribedSchoolDays: 190,
      nonSchoolDays: ['2031-06-30'],
    };
    const created = await server.graphql<{
      setSchoolCalendar: {
        version: number;
        overridden: string[];
        policyDates: Record<string, string | null>;
      };
    }>(set, { input }, admin);
    expect(created.data!.setSchoolCalendar.policyDates).toEqual({
      earlyRegistrationStart: '2031-01-25', // last Saturday of January
      earlyRegistrationEnd: '2031-02-28', // last Friday of February
      ageCutoff: '2031-08-31',
      transferWindowStart: '2031-06-20', // first Friday of classes
      quickCountEnd: '2031-06-27', // last school day of June: the 30th is a holiday
      alsFirstAttendanceCutoff: null,
    });
    const changed = await server.graphql<{
      setSchoolCalendar: {
        version: number;
        overridden: string[];
        policyDates: Record<string, string | null>;
      };
    }>(
      set,
      {
        input: {
          ...input,
          version: created.data!.setSchoolCalendar.version,
          overrides: { alsFirstAttendanceCutoff: '2031-10-30' },
        },
      },
      admin,
    );
    expect(changed.data!.setSchoolCalendar.overridden).toEqual(['alsFirstAttendanceCutoff']);
    expect(changed.data!.setSchoolCalendar.policyDates.alsFirstAttendanceCutoff).toBe('2031-10-30');
    const stale = await server.graphql(set, { input: { ...input, version: 1 } }, admin);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'STALE_UPDATE' });
  });
});
