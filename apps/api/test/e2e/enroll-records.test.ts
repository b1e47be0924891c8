import { readFile } from 'node:fs/promises';
import { Role } from '@repo/domain/access';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestAccount } from '../harness.js';
import { hasChromium } from './browser.js';
import { ANANAAO, checkStep, LA_PAZ, useEnrollWorld, SY, uniqueWord } from './enroll-support.js';

const ADAMS = 300001; // Adams National High School, Ilocos Norte: JHS and SHS

/** The focused control's name: its label, aria-label or text (a string run in the page: no DOM types here). */
const focusedName = `(() => {
  const el = document.activeElement;
  if (!el) return '';
  const label = el.id ? document.querySelector('label[for="' + el.id + '"]') : null;
  return (label ? label.textContent : el.getAttribute('aria-label') || el.textContent) || '';
})()`;

describe.skipIf(!hasChromium)(
  'early registration, class list, moves and the keyboard (issue 8)',
  () => {
    const env = useEnrollWorld();
    let page: Page;

    it('registers a Kindergarten learner early, enrolls from the class list, exports it as CSV and transfers to ALS', async () => {
      ({ page } = await env.signIn(Role.SCHOOL_REGISTRAR, LA_PAZ));
      const last = uniqueWord('Maaga');
      await page.goto(`${env.world.server.url}/enrol/early?sy=${SY}`);
      await page.getByRole('tab', { name: 'Search by Name' }).click();
      await page.getByLabel('Learner’s name').fill(`Ana ${last}`);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByRole('button', { name: 'No, this is correct. Create New Record' }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: 'New Record', exact: true })
        .click();
      const form = page.getByRole('form', { name: 'Early registration form' });
      await form.getByLabel('Birth date', { exact: true }).fill('2021-03-03');
      await form.getByLabel('Sex').selectOption('FEMALE');
      await form.getByLabel('Grade level').selectOption('KINDER');
      // SY 2026-2027's window ran from 2026-01-31 to 2026-02-27; a later date is refused as typed,
      // in words (issue 21: the rule's code is kept for support, not shown as the message).
      await form.getByLabel('Date of registration').fill('2026-03-10');
      await form
        .getByText(
          /Date of registration is outside the early registration window, 31 January 2026 to 27 February 2026/,
        )
        .waitFor();
      await form.getByLabel('Date of registration').fill('2026-02-10');
      await checkStep(page, 'enroll-early-form');
      await form.getByRole('button', { name: 'Register' }).click();
      await page.getByText(/pre-registered for Kindergarten/).waitFor();
      await page
        .getByRole('table', { name: /Pre-registered learners/ })
        .getByText(last)
        .waitFor();
      expect(await page.getByText(/registered that day/).textContent()).toMatch(
        /^[1-9]\d* registered/,
      );
      await checkStep(page, 'enroll-early-list');

      await page.getByRole('link', { name: 'Class list' }).click();
      await page.getByLabel('Name or LRN').fill(last);
      const row = page.getByRole('row').filter({ hasText: last }).first();
      await expect.poll(() => row.textContent()).toMatch(/Pre-registered/);
      // An early registration is enrolled before its first attendance (the API's NOT_ENROLLED_YET).
      await row.getByRole('link', { name: /^Enrol / }).click();
      await page.getByRole('heading', { name: new RegExp(`Learner: ${last}, Ana`) }).waitFor();
      await page.getByLabel('Grade level').selectOption('KINDER');
      await page.getByLabel('Admission basis').selectOption('KINDER_AGE_5');
      await page.getByLabel('Date of enrolment').fill('2026-06-08');
      await page.getByLabel('First date of attendance').fill('2026-06-15');
      await page.getByRole('button', { name: 'Enrol', exact: true }).click();
      await page.getByRole('heading', { name: 'Enrolment Added' }).waitFor();
      expect(await page.getByRole('status').textContent()).toMatch(/Temporarily enrolled/);

      await page.getByRole('link', { name: 'Class list' }).click();
      await page.getByLabel('Name or LRN').fill(last);
      await expect.poll(() => row.textContent()).toMatch(/\d{12}/);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      const csv = await readFile(await download.path(), 'utf8');
      expect(csv.split('\n')[0]).toMatch(/^LRN,Last Name,First Name/);
      expect(csv).toMatch(
        new RegExp(`^\\d{12},${last},Ana,.*,Kindergarten,,Temporarily enrolled,2026-06-15`, 'm'),
      );

      await row.getByRole('button', { name: /Change/ }).click();
      const change = page.getByRole('form', { name: /Change the enrolment of/ });
      await checkStep(page, 'enroll-class-list-change');
      await change.getByRole('radio', { name: 'Transfer to ALS' }).check();
      await change.getByLabel('Effectivity date').fill('2026-08-03');
      await change.getByLabel('ALS program').selectOption('ALS_BLP');
      await change.getByLabel('ALS facilitator').fill('Maria Santos');
      await change.getByRole('button', { name: 'Save' }).click();
      await page.getByText(new RegExp(`${last}, Ana: Transferred to ALS`)).waitFor();
    });

    it('moves a learner in from another school: moved out there, moved and transferred in here', async () => {
      const adams = await createTestAccount(env.world.dataSource, Role.SCHOOL_REGISTRAR, {
        schoolId: ADAMS,
      });
      const last = uniqueWord('Lipat');
      const created = await env.world.server.graphql<{ createLearner: { id: string } }>(
        'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
        {
          input: {
            lastName: last,
            firstName: 'Jose',
            birthDate: '2013-02-02',
            sex: 'MALE',
            confirmNoDuplicate: true,
          },
        },
        adams.token,
      );
      const learnerId = created.data!.createLearner.id;
      const enrolled = await env.world.server.graphql<{
        enrollLearner: { enrollment: { id: string } };
      }>(
        `mutation($input: EnrollLearnerInput!) { enrollLearner(input: $input) { enrollment { id } } }`,
        {
          input: {
            learnerId,
            schoolYear: SY,
            gradeLevel: 'GRADE_8',
            admissionBasis: 'CONTINUING',
            documents: ['SF9'],
            enrolledOn: '2026-06-08',
            firstAttendance: '2026-06-15',
          },
        },
        adams.token,
      );
      expect(enrolled.errors).toBeUndefined();

      ({ page } = await env.signIn(Role.SCHOOL_REGISTRAR, LA_PAZ));
      await page.goto(`${env.world.server.url}/enrol/move?sy=${SY}`);
      await page.getByLabel('Learner’s name').fill(`Jose ${last}`);
      // Another school's learner shows only to a name with a birth date (issue 18).
      await page.getByLabel('Birth date (optional)').fill('2013-02-02');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page
        .getByRole('row')
        .filter({ hasText: last })
        .getByRole('button', { name: 'Preview' })
        .click();
      const form = page.getByRole('form', { name: 'Move in form' });
      await form.getByLabel('Grade level').selectOption('GRADE_8');
      await form.getByLabel('Date of moving in').fill('2026-09-14');
      await form.getByRole('checkbox', { name: 'SF9 (report card)' }).check();
      // Another school's learner: the papers' LRN and birth date, the document, a reason (issue 18).
      const [papers] = await env.world.dataSource.query<{ lrn: string }[]>(
        'SELECT lrn FROM learner WHERE id = $1',
        [learnerId],
      );
      await form.getByLabel('LRN on the papers').fill(papers!.lrn);
      await form.getByLabel('Birth date on the papers').fill('2013-02-02');
      await form.getByLabel('Document seen').selectOption('SF9');
      await form.getByLabel('Reason for the move').fill('The family moved to La Paz');
      await checkStep(page, 'enroll-move-in');
      await form.getByRole('button', { name: 'Move in' }).click();
      await page
        .getByText(new RegExp(`${last}, Jose moved in: Officially enrolled, transferred in`))
        .waitFor();

      const [origin] = await env.world.dataSource.query<{ status: string }[]>(
        'SELECT status FROM enrollment WHERE id = $1',
        [enrolled.data!.enrollLearner.enrollment.id],
      );
      expect(origin).toEqual({ status: 'MOVED_OUT' });
    });

    it('walks ALS path 3a with the keyboard alone', async () => {
      ({ page } = await env.signIn(Role.ALS_FACILITATOR, ANANAAO));
      await page.goto(`${env.world.server.url}/enrol/als?sy=${SY}`);
      await page.getByRole('button', { name: 'Enrol Learner' }).waitFor();

      /** Tab until the focus is on the control named so, then nothing but keys. */
      async function tabTo(name: string | RegExp) {
        for (let i = 0; i < 80; i++) {
          await page.keyboard.press('Tab');
          const focused = await page.evaluate<string>(focusedName);
          if (typeof name === 'string' ? focused.trim() === name : name.test(focused)) return;
        }
        throw new Error(`no control named ${String(name)} is reachable with Tab`);
      }
      const last = uniqueWord('Teclado');
      await tabTo('Enrol Learner');
      await page.keyboard.press('Enter');
      await tabTo('Continue');
      await page.keyboard.press('Enter');
      await tabTo('Learner’s name');
      await page.keyboard.type(`Mayumi ${last}`);
      await tabTo('Birth date (optional)');
      await page.keyboard.type('01022004');
      await tabTo('Search');
      await page.keyboard.press('Enter');
      // The answer first: tabbing while the search is still out ran past where the button comes
      // (seen once at the 1 September run of test:calendar, on a busy machine).
      const createNew = 'No, this is correct. Create New Record';
      await page.getByRole('button', { name: createNew }).waitFor();
      await tabTo(createNew);
      await page.keyboard.press('Enter');
      // The pop-up holds the focus: its first button is New Record.
      await page.getByRole('dialog').waitFor();
      await expect.poll(() => page.evaluate<string>(focusedName)).toBe('New Record');
      await page.keyboard.press('Enter');
      await tabTo('Sex');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await tabTo('Date of enrolment');
      await page.keyboard.type('09012026');
      await tabTo('First date of attendance');
      await page.keyboard.type('09072026');
      await tabTo('Enrol');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Enrolment Added' }).waitFor();
      await checkStep(page, 'enroll-als-keyboard-added');
      const [row] = await env.world.dataSource.query<{ birth_date: string; sex: string }[]>(
        `SELECT to_char(birth_date, 'YYYY-MM-DD') AS birth_date, sex FROM learner WHERE last_name = $1`,
        [last],
      );
      expect(row).toEqual({ birth_date: '2004-01-02', sex: 'FEMALE' });
    });
  },
);
