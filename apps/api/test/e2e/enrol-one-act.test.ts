import { Role } from '@repo/domain/access';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTestAccount } from '../harness.js';
import { hasChromium } from './browser.js';
import {
  ANANAAO,
  LA_PAZ,
  openNewRecord,
  SY,
  uniqueWord,
  useEnrollWorld,
} from './enroll-support.js';

/** The step the address bar names (`?step=`): never anything typed about the learner. */
const stepOf = (page: Page) => new URL(page.url()).searchParams.get('step');

/** What the element holding the keyboard focus belongs to: its fieldset's legend. */
const focusedGroup = (page: Page) =>
  page.evaluate<string | null>(
    "document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent ?? null",
  );

/** The keys this tab keeps in a storage area (`sessionStorage` or `localStorage`). */
const storedKeys = (page: Page, area: 'sessionStorage' | 'localStorage') =>
  page.evaluate<string[]>(`Object.keys(${area})`);

/** Accepts every dialog the browser raises (the beforeunload warning), and lists their kinds. */
function acceptDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(dialog.type());
    void dialog.accept();
  });
  return seen;
}

describe.skipIf(!hasChromium)(
  'enrolment as one act, its steps in the URL, its draft kept (issue 21)',
  () => {
    const env = useEnrollWorld();

    async function learnersNamed(lastName: string) {
      const [row] = await env.world.dataSource.query<{ learners: number; enrolled: number }[]>(
        `SELECT count(DISTINCT l.id)::int AS learners, count(e.id)::int AS enrolled
         FROM learner l LEFT JOIN enrollment e ON e.learner_id = l.id WHERE l.last_name = $1`,
        [lastName],
      );
      return row!;
    }

    it('"A refused enrolment still saves the new learner": the refusal saves nothing, says on the field in words what to change with focus on it, and a new search neither finds the learner nor warns of a duplicate', async () => {
      const { page, context } = await env.signIn(Role.SCHOOL_REGISTRAR, LA_PAZ);
      const screen = `${env.world.server.url}/enrol/school?sy=${SY}`;
      const last = uniqueWord('Tinanggihan');
      const first = uniqueWord('Ligaya');
      const birthDate = '2019-05-05';
      /** The child's form as the registrar fills it, the PSA birth certificate handed in. */
      async function fillForm(tab: Page) {
        await tab.getByLabel('Last name').fill(last);
        await tab.getByLabel('First name').fill(first);
        await tab.getByLabel('Birth date', { exact: true }).fill(birthDate);
        await tab.getByLabel('Sex').selectOption('FEMALE');
        await tab.getByLabel('Grade level').selectOption('GRADE_1');
        await tab.getByLabel('Admission basis').selectOption('KINDER_COMPLETED_ACCREDITED');
        await tab
          .getByRole('checkbox', { name: 'Kindergarten certificate of completion', exact: true })
          .check();
        await tab.getByRole('checkbox', { name: 'PSA birth certificate', exact: true }).check();
        await tab.getByLabel('Date of enrolment').fill('2026-06-08');
        await tab.getByLabel('First date of attendance').fill('2026-06-15');
      }

      await page.goto(screen);
      await openNewRecord(page);
      await fillForm(page);
      // A second birth document ticked as well: only the API knows a learner files one (§V.A).
      await page
        .getByRole('checkbox', { name: 'Late-registration birth certificate (LCR)', exact: true })
        .check();
      await page.getByRole('button', { name: 'Enrol', exact: true }).click();
      await page.getByRole('alert').first().waitFor();
      expect(await learnersNamed(last)).toEqual({ learners: 0, enrolled: 0 });

      const documents = page.getByRole('group', { name: 'Documents handed in' });
      await documents.getByText(/only one birth document/).waitFor();
      expect(await documents.textContent()).toMatch(
        /Documents handed in may hold only one birth document/,
      );
      await expect.poll(() => focusedGroup(page)).toBe('Documents handed in');
      expect(await page.getByText('The server refused the form').count()).toBe(0);

      // The registrar starts over, as the new user did: a new search finds no half-made record…
      const again = await context.newPage();
      await again.goto(screen);
      await again.getByLabel('Learner’s name').fill(`${first} ${last}`);
      await again.getByLabel('Birth date (optional)').fill(birthDate);
      await again.getByRole('button', { name: 'Search', exact: true }).click();
      await again
        .getByText(/No learner in the registry matches this search\.|Learners found/)
        .waitFor({ timeout: 90_000 });
      expect(await again.getByRole('row').filter({ hasText: last }).count()).toBe(0);
      // …and the new record, the same child, is enrolled without a duplicate warning.
      await again.getByRole('button', { name: 'No, this is correct. Create New Record' }).click();
      await again
        .getByRole('dialog')
        .getByRole('button', { name: 'New Record', exact: true })
        .click();
      await again.getByRole('heading', { name: 'New learner record' }).waitFor();
      await fillForm(again);
      await again.getByRole('button', { name: 'Enrol', exact: true }).click();
      await again
        .getByRole('heading', { name: /Enrolment Added|look(s)? like this learner/ })
        .waitFor();
      expect(await again.getByText(/look(s)? like this learner/).count()).toBe(0);
      expect(await learnersNamed(last)).toEqual({ learners: 1, enrolled: 1 });
    });

    it('"Enrolment steps are not in the URL: Back or a reload loses a half-filled form without a warning": each step has its address, a reload warns and keeps the form, Back goes to the step before, and leaving the screen asks first', async () => {
      const { page } = await env.signIn(Role.SCHOOL_REGISTRAR, LA_PAZ);
      const dialogs = acceptDialogs(page);
      await page.goto(`${env.world.server.url}/enrol/school?sy=${SY}`);
      await page.getByRole('heading', { name: 'Search for the learner' }).waitFor();
      await openNewRecord(page);
      expect(stepOf(page)).toBe('form');
      const last = uniqueWord('Hakbang');
      await page.getByLabel('Last name').fill(last);
      await page.getByLabel('First name').fill('Dalisay');
      await page.getByLabel('Grade level').selectOption('GRADE_3');
      expect(page.url()).not.toContain(last);

      await page.reload();
      expect(dialogs).toEqual(['beforeunload']);
      await page.getByRole('heading', { name: 'New learner record' }).waitFor();
      expect(stepOf(page)).toBe('form');
      expect(await page.getByLabel('Last name').inputValue()).toBe(last);
      expect(await page.getByLabel('Grade level').inputValue()).toBe('GRADE_3');

      await page.goBack();
      await page.getByRole('heading', { name: 'Search for the learner' }).waitFor();
      // The first step is the screen's own address.
      expect(stepOf(page) ?? 'search').toBe('search');
      await page.goForward();
      await page.getByRole('heading', { name: 'New learner record' }).waitFor();
      expect(await page.getByLabel('Last name').inputValue()).toBe(last);

      // Another screen of the app: the router asks before leaving the half-filled form.
      await page.getByRole('link', { name: 'Class list' }).click();
      const leave = page.getByRole('dialog', { name: 'Leave the enrolment form?' });
      await leave.waitFor();
      await leave.getByRole('button', { name: 'Stay on the form' }).click();
      expect(new URL(page.url()).pathname).toBe('/enrol/school');
      expect(await page.getByLabel('Last name').inputValue()).toBe(last);
      await page.getByRole('link', { name: 'Class list' }).click();
      await leave.getByRole('button', { name: 'Leave', exact: true }).click();
      await page.waitForURL(/\/enrol\/class-list/);
    });

    it('"drafts kept across reload and Back": a half-filled ALS form survives a reload and Back, is kept in this tab only, and is gone after sign-out', async () => {
      const account = await createTestAccount(env.world.dataSource, Role.ALS_FACILITATOR, {
        schoolId: ANANAAO,
      });
      const context = await env.world.browser.newContext({
        viewport: { width: 1280, height: 900 },
      });
      try {
        const page = await context.newPage();
        acceptDialogs(page);
        const screen = `/enrol/als?sy=${SY}`;
        async function signIn() {
          await page.getByLabel('Username').fill(account.username);
          await page.getByLabel('Password').fill(account.password);
          await page.getByRole('button', { name: 'Sign in', exact: true }).click();
          await page.waitForURL((url) => url.pathname !== '/login');
        }
        await page.goto(`${env.world.server.url}/login?next=${encodeURIComponent(screen)}`);
        await signIn();

        // The guide's steps 1-3, then the record's form.
        await page.getByRole('button', { name: 'Enrol Learner', exact: true }).click();
        await page.getByRole('button', { name: 'Continue', exact: true }).click();
        await openNewRecord(page);

        const last = uniqueWord('Burador');
        const first = uniqueWord('Marites');
        await page.getByLabel('Last name').fill(last);
        await page.getByLabel('First name').fill(first);
        await page.getByLabel('Birth date', { exact: true }).fill('2003-03-03');
        await page.getByLabel('ALS program').selectOption('ALS_AE_SECONDARY');
        await page.getByLabel('Date of enrolment').fill('2026-09-01');
        await page.getByLabel('First date of attendance').fill('2026-09-07');

        await page.reload();
        await page.getByRole('heading', { name: 'New learner record' }).waitFor();
        expect(await page.getByLabel('Last name').inputValue()).toBe(last);
        expect(await page.getByLabel('ALS program').inputValue()).toBe('ALS_AE_SECONDARY');
        expect(await page.getByLabel('First date of attendance').inputValue()).toBe('2026-09-07');

        // Back: the guide's steps before, each at its own address; Forward: the form again.
        await page.goBack();
        await page.getByRole('heading', { name: 'Search for the learner' }).waitFor();
        await page.goBack();
        await page.getByRole('heading', { name: 'Confirm the data source' }).waitFor();
        expect(stepOf(page)).toBe('source');
        await page.goForward();
        await page.goForward();
        await page.getByRole('heading', { name: 'New learner record' }).waitFor();
        expect(await page.getByLabel('First name').inputValue()).toBe(first);

        // Personal data: in this tab's sessionStorage, never in localStorage (shared, lasting).
        const drafts = (keys: string[]) => keys.filter((k) => k.includes('draft'));
        expect(drafts(await storedKeys(page, 'sessionStorage'))).toHaveLength(1);
        expect(drafts(await storedKeys(page, 'localStorage'))).toEqual([]);

        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        expect(drafts(await storedKeys(page, 'sessionStorage'))).toEqual([]);

        // Signed in again on the same tab, the form's address opens no draft.
        await signIn();
        await page.goto(`${env.world.server.url}${screen}&step=form`);
        await page.getByRole('heading', { name: /ALS learners|Search for the learner/ }).waitFor();
        expect(await page.getByRole('heading', { name: 'New learner record' }).count()).toBe(0);
        expect(await page.getByText(last).count()).toBe(0);
      } finally {
        await context.close();
      }
    });
  },
);
