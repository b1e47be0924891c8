import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Role } from '@repo/domain/access';
import { type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { hasChromium } from './browser.js';
import { createTestAccount } from '../harness.js';
import { gradeFourClassOf50, importCsv, importHeader } from '../import-fixtures.js';
import { ANANAAO, checkStep, LA_PAZ, useEnrollWorld, SY, uniqueWord } from './enroll-support.js';

/** The class of 50 with names of random letters, so that no run's learners look like another's. */
const classOf50 = (family: string) =>
  gradeFourClassOf50(() => [`${family}${uniqueWord('')}`, uniqueWord('L')]);

describe.skipIf(!hasChromium)('the learner import wizard in Chromium (issue 8)', () => {
  const env = useEnrollWorld();
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'enroll-import-'));
  });

  const fact = (term: string) =>
    page.locator('dl[aria-label="Import summary"] dt', { hasText: term }).locator('+ dd');

  async function check(file: string) {
    await page.getByLabel('Learner list (.csv or .xlsx)').setInputFiles(file);
    await page.getByRole('button', { name: 'Check the file' }).click();
    const preview = page.getByRole('heading', { name: `Preview of ${path.basename(file)}` });
    await preview.or(page.getByRole('alert')).first().waitFor();
    // A refusal is reported with its words rather than as a timeout.
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    await preview.waitFor();
  }

  it.each([
    ['CSV', 'grade4.csv', (rows: string[][]) => Promise.resolve(Buffer.from(importCsv(rows)))],
    [
      'XLSX',
      'grade4.xlsx',
      (rows: string[][]) => writeXlsxFile([importHeader, ...rows]).toBuffer(),
    ],
  ] as const)(
    '%s: 50 rows, 3 bad: 47 imported, 3 reported with field and rule; the same file again adds nothing',
    async (kind, name, encode) => {
      const family = uniqueWord('Import');
      const file = path.join(folder, `${family}-${name}`);
      await writeFile(file, await encode(classOf50(family)));
      ({ page } = await env.signIn(Role.SCHOOL_REGISTRAR, LA_PAZ));
      page.setDefaultTimeout(20_000);
      await page.goto(`${env.world.server.url}/enrol/import?sy=${SY}`);

      await check(file);
      expect(await fact('Rows in the file').textContent()).toBe('50');
      expect(await fact('Rows with errors').textContent()).toBe('3');
      expect(await fact('Ready to import').textContent()).toBe('47');
      const errors = page.getByRole('table', { name: 'Rows with errors (3)' });
      const rowText = (n: number) =>
        errors
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: String(n), exact: true }) })
          .textContent();
      expect(await rowText(11)).toMatch(/Birth Date is not a real date/);
      expect(await rowText(26)).toMatch(/Grade Level is not a grade level/);
      expect(await rowText(41)).toMatch(/Sex must be M or F/);
      await checkStep(page, `enroll-import-${kind.toLowerCase()}-preview`);

      await page.getByRole('button', { name: 'Import 47 rows' }).click();
      await page.getByRole('heading', { name: 'Import finished' }).waitFor();
      expect(await page.getByTestId('import-created').textContent()).toBe('47');
      expect(await page.getByTestId('import-enrolled').textContent()).toBe('47');
      const results = page.getByRole('table', { name: 'What the import did, row by row' });
      expect(await results.getByRole('row').filter({ hasText: 'Skipped: invalid' }).count()).toBe(
        3,
      );
      await checkStep(page, `enroll-import-${kind.toLowerCase()}-done`);

      // The same list again: every row is already enrolled, nothing is added.
      await check(file);
      expect(await fact('Already enrolled').textContent()).toBe('47');
      expect(await fact('Ready to import').textContent()).toBe('0');
      await page.getByRole('button', { name: 'Import 0 rows' }).click();
      await page.getByRole('heading', { name: 'Import finished' }).waitFor();
      expect(await page.getByTestId('import-created').textContent()).toBe('0');
      expect(await page.getByTestId('import-enrolled').textContent()).toBe('0');

      const [count] = await env.world.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM enrollment e JOIN learner l ON l.id = e.learner_id
         WHERE l.last_name LIKE $1`,
        [`${family}%`],
      );
      expect(count!.n).toBe(47);
    },
    120_000,
  );

  it('shows a suspected duplicate with why it matched, and creates it only when confirmed', async () => {
    // A child already registered by another school; this school's list spells her "Ma.".
    const last = uniqueWord('Dupcheck');
    const other = await createTestAccount(env.world.dataSource, Role.SCHOOL_REGISTRAR, {
      schoolId: ANANAAO,
    });
    const created = await env.world.server.graphql(
      'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
      {
        input: {
          lastName: last,
          firstName: 'Maria Cristina',
          middleName: 'Reyes',
          birthDate: '2015-05-05',
          sex: 'FEMALE',
          confirmNoDuplicate: true,
        },
      },
      other.token,
    );
    expect(created.errors).toBeUndefined();
    const file = path.join(folder, `${last}.csv`);
    const row = [
      '',
      last,
      'Ma. Cristina',
      'Reyes',
      '2015-05-05',
      'F',
      'Grade 5',
      'CONTINUING',
      'SF9',
      '2026-06-08',
      '',
    ];
    await writeFile(file, importCsv([row]));

    ({ page } = await env.signIn(Role.SCHOOL_REGISTRAR, LA_PAZ));
    await page.goto(`${env.world.server.url}/enrol/import?sy=${SY}`);
    await check(file);
    expect(await fact('Suspected duplicates').textContent()).toBe('1');
    expect(await fact('Ready to import').textContent()).toBe('0');
    const review = page.getByRole('table', { name: /Suspected duplicates \(1\)/ });
    expect(await review.textContent()).toMatch(/same birth date/);
    await checkStep(page, 'enroll-import-duplicate-review');
    await review
      .getByRole('checkbox', { name: /No, this is correct\. Create New Record \(row 2\)/ })
      .check();
    await page.getByRole('button', { name: 'Import 1 row' }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    expect(await page.getByTestId('import-created').textContent()).toBe('1');
    const [count] = await env.world.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM learner WHERE last_name = $1',
      [last],
    );
    expect(count!.n).toBe(2);
  });
});
