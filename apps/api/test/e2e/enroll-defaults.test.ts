import { Role } from '@repo/domain/access';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pinClockDuring } from '../clock-fixtures.js';
import { hasChromium } from './browser.js';
import {
  ANANAAO,
  checkStep,
  LA_PAZ,
  openNewRecord,
  uniqueWord,
  useEnrollWorld,
} from './enroll-support.js';

/**
 * Each day pinned on the API's clock, which the dashboard follows (issue 16); the screen opens on
 * the year of that day (`currentSchoolYear`), and its dates are left as the screen shows them.
 * - 2027-02-10: SY 2026-2027 under way, its ALS cut-off (30 October 2026) long past;
 * - 2027-07-01: SY 2027-2028 three weeks in, before its cut-off (30 October 2027): today;
 * - 2027-11-20: SY 2027-2028 after its cut-off: the ALS dates fall back to the cut-off.
 */
const days = [
  { day: '2027-02-10', year: '2026-2027', alsDay: '2026-10-30', late: true },
  { day: '2027-07-01', year: '2027-2028', alsDay: '2027-07-01', late: false },
  { day: '2027-11-20', year: '2027-2028', alsDay: '2027-10-30', late: true },
];

describe.skipIf(!hasChromium)(
  'the enrollment screens’ default dates, on any day (issue 16)',
  () => {
    const env = useEnrollWorld();

    /** Signed in on the pinned day, so that the page loads (and reads the server's clock) on it. */
    async function openOn(day: string, role: Role, schoolId: number, path: string) {
      const pinned = pinClockDuring(day);
      try {
        const { page } = await env.signIn(role, schoolId);
        await page.goto(`${env.world.server.url}${path}`);
        return { page, pinned };
      } catch (error) {
        pinned.restore();
        throw error;
      }
    }

    /** Guide step 3, by LRN: an LRN nobody has → "No, this is correct. Create New Record". */
    async function newRecord(page: Page, last: string, first: string, birthDate: string) {
      await openNewRecord(page);
      await page.getByLabel('Last name').fill(last);
      await page.getByLabel('First name').fill(first);
      await page.getByLabel('Birth date', { exact: true }).fill(birthDate);
      await page.getByLabel('Sex').selectOption('FEMALE');
    }

    const enrollmentOf = async (last: string) =>
      (
        await env.world.dataSource.query<
          { school_year: string; status: string; enrolled_on: string; first_attendance: string }[]
        >(
          `SELECT e.school_year, e.status, to_char(e.enrolled_on, 'YYYY-MM-DD') AS enrolled_on,
                to_char(e.first_attendance, 'YYYY-MM-DD') AS first_attendance
           FROM enrollment e JOIN learner l ON l.id = e.learner_id WHERE l.last_name = $1`,
          [last],
        )
      )[0];

    it.each(days)(
      'ALS guide steps 1-5 on $day with the dates as shown: SY $year, enrolled and first attending on $alsDay',
      async ({ day, year, alsDay }) => {
        const { page, pinned } = await openOn(day, Role.ALS_FACILITATOR, ANANAAO, '/enrol/als');
        try {
          // Step 1: the ALS enrollment page of the year under way → Enrol Learner.
          await page.getByRole('heading', { name: `ALS learners, SY ${year}` }).waitFor();
          await page.getByRole('button', { name: 'Enrol Learner', exact: true }).click();
          // Step 2: confirm the data source → Continue.
          await page.getByRole('button', { name: 'Continue', exact: true }).click();
          // Step 3: search; nothing matches → a new record.
          const last = uniqueWord('Petsa');
          await newRecord(page, last, uniqueWord('Liwayway'), '2003-04-05');
          // Step 4: the dates as the screen offers them, untouched.
          expect(await page.getByLabel('Date of enrolment').inputValue()).toBe(alsDay);
          expect(await page.getByLabel('First date of attendance').inputValue()).toBe(alsDay);
          expect(await page.locator('.enroll-field__error').allTextContents()).toEqual([]);
          await checkStep(page, `enroll-defaults-als-${day}`);
          await page.getByRole('button', { name: 'Enrol', exact: true }).click();
          // Step 5.
          await page.getByRole('heading', { name: 'Enrolment Added' }).waitFor();
          expect(await enrollmentOf(last)).toEqual({
            school_year: year,
            status: 'OFFICIALLY_ENROLLED',
            enrolled_on: alsDay,
            first_attendance: alsDay,
          });
        } finally {
          pinned.restore();
        }
      },
    );

    it.each(days)(
      'a school enrollment on $day with the date as shown: SY $year, enrolled on $day',
      async ({ day, year, late }) => {
        // The school head: a late enrollment (less than 80% of the days left, §V.D) is theirs to approve.
        const { page, pinned } = await openOn(day, Role.SCHOOL_HEAD, LA_PAZ, '/enrol/school');
        try {
          const last = uniqueWord('Araw');
          await newRecord(page, last, uniqueWord('Rosario'), '2016-02-02');
          await page.getByLabel('Grade level').selectOption('GRADE_5');
          await page.getByLabel('Admission basis').selectOption('CONTINUING');
          expect(await page.getByLabel('Date of enrolment').inputValue()).toBe(day);
          if (late) {
            await page
              .getByLabel('Late enrolment approval')
              .fill('Saturday catch-up sessions with the adviser');
          }
          expect(await page.getByText('Late enrolment approval', { exact: true }).count()).toBe(
            late ? 1 : 0,
          );
          await page.getByRole('button', { name: 'Enrol', exact: true }).click();
          await page.getByRole('heading', { name: 'Enrolment Added' }).waitFor();
          expect(await enrollmentOf(last)).toMatchObject({ school_year: year, enrolled_on: day });
        } finally {
          pinned.restore();
        }
      },
    );
  },
);
