import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import {
  createTestAccount,
  openTestDataSource,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { gradeFourClassOf50, importCsv, importHeader } from '../../../test/import-fixtures.js';

const SY = '2026-2027';
const LA_PAZ = 500743;

let dataSource: DataSource;
let server: TestServer;
let registrar: string;

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  registrar = (await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: LA_PAZ }))
    .token;
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

const letters = 'abcdefghijklmnopqrstuvwxyz';
/** A name no other test uses: letters from a number. */
const word = (n: number, seed: string) =>
  seed +
  [...String(n).padStart(3, '0')].map((d) => letters[Number(d) + Number(seed.length)]!).join('');

/** A grade 4 class of 50 from one run's `seed`; rows 10, 25 and 40 (file rows 11, 26, 41) are bad. */
const classOf50 = (seed: string) =>
  gradeFourClassOf50((i) => [`Import${word(i, seed)}`, `Liway${word(i, seed)}`]);

const importFields = `id status totalRows invalidRows suspectedDuplicates created enrolled
  rows { rowNumber outcome errors { field rule } learnerId }
  committed { rowNumber result error enrollmentId }`;

interface ImportView {
  id: string;
  status: string;
  totalRows: number;
  invalidRows: number;
  suspectedDuplicates: number;
  created: number;
  enrolled: number;
  rows: { rowNumber: number; outcome: string; errors: { field: string; rule: string }[] }[];
  committed: { rowNumber: number; result: string; error: string | null }[];
}

async function preview(fileName: string, content: Buffer) {
  const response = await server.graphql<{ previewLearnerImport: ImportView }>(
    `mutation($input: LearnerImportInput!) { previewLearnerImport(input: $input) { ${importFields} } }`,
    { input: { fileName, contentBase64: content.toString('base64'), schoolYear: SY } },
    registrar,
  );
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.previewLearnerImport;
}

async function commit(importId: string, confirmNewRows: number[] = []) {
  const response = await server.graphql<{ commitLearnerImport: ImportView }>(
    `mutation($id: ID!, $rows: [Int!]) { commitLearnerImport(importId: $id, confirmNewRows: $rows) { ${importFields} } }`,
    { id: importId, rows: confirmNewRows },
    registrar,
  );
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.commitLearnerImport;
}

const countEnrollments = async () => {
  const [row] = await dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM enrollment e JOIN learner l ON l.id = e.learner_id
     WHERE l.last_name LIKE 'Import%'`,
  );
  return row!.n;
};

describe('bulk import of a learner list (issue 5)', () => {
  it.each([
    ['CSV', 'grade4.csv', (rows: string[][]) => Promise.resolve(Buffer.from(importCsv(rows)))],
    [
      'XLSX',
      'grade4.xlsx',
      async (rows: string[][]) => writeXlsxFile([importHeader, ...rows]).toBuffer(),
    ],
  ] as const)(
    '%s: 50 rows, 3 bad: 47 imported, 3 reported; the same file again adds nothing',
    async (_, fileName, encode) => {
      const before = await countEnrollments();
      const file = await encode(classOf50(fileName.endsWith('csv') ? 'c' : 'x'));

      const staged = await preview(fileName, file);
      expect(staged.totalRows).toBe(50);
      expect(staged.invalidRows).toBe(3);
      const bad = staged.rows.filter((r) => r.outcome === 'INVALID');
      expect(bad.map((r) => [r.rowNumber, r.errors[0]])).toEqual([
        [11, { field: 'birthDate', rule: 'DATE_INVALID' }],
        [26, { field: 'gradeLevel', rule: 'GRADE_LEVEL_INVALID' }],
        [41, { field: 'sex', rule: 'SEX_INVALID' }],
      ]);
      expect(await countEnrollments()).toBe(before); // a preview writes no learner

      const first = await commit(staged.id);
      expect(first.status).toBe('COMMITTED');
      expect(first.created).toBe(47);
      expect(first.enrolled).toBe(47);
      expect(first.committed.filter((r) => r.result === 'SKIPPED_INVALID')).toHaveLength(3);
      expect(await countEnrollments()).toBe(before + 47);

      const again = await preview(fileName, file);
      expect(again.rows.filter((r) => r.outcome === 'ALREADY_ENROLLED')).toHaveLength(47);
      const second = await commit(again.id);
      expect(second.created).toBe(0);
      expect(second.enrolled).toBe(0);
      expect(await countEnrollments()).toBe(before + 47);

      const twice = await server.graphql(
        `mutation { commitLearnerImport(importId: "${staged.id}") { id } }`,
        {},
        registrar,
      );
      expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'IMPORT_ALREADY_COMMITTED' });
    },
  );

  it('shows suspected duplicates and creates them only when confirmed', async () => {
    const rows = [
      [
        '',
        'Dupcheck',
        'Maria Cristina',
        'Reyes',
        '2015-05-05',
        'F',
        '5',
        'CONTINUING',
        'SF9',
        '2026-06-08',
        '',
      ],
    ];
    const first = await preview('one.csv', Buffer.from(importCsv(rows)));
    await commit(first.id);
    // The same child typed with "Ma." at another school's list would be a likely duplicate; here
    // the registrar's own school already has her, so she is found, not duplicated.
    const variant = [
      [
        '',
        'Dupcheck',
        'Ma. Cristina',
        'Reyes',
        '2015-05-05',
        'F',
        '5',
        'CONTINUING',
        'SF9',
        '2026-06-08',
        '',
      ],
    ];
    const other = await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: 500518 });
    const staged = await server.graphql<{ previewLearnerImport: ImportView }>(
      `mutation($input: LearnerImportInput!) { previewLearnerImport(input: $input) { ${importFields} } }`,
      {
        input: {
          fileName: 'variant.csv',
          contentBase64: Buffer.from(importCsv(variant)).toString('base64'),
          schoolYear: SY,
        },
      },
      other.token,
    );
    expect(staged.data!.previewLearnerImport.rows[0]!.outcome).toBe('SUSPECTED_DUPLICATE');
    const skipped = await server.graphql<{ commitLearnerImport: ImportView }>(
      `mutation { commitLearnerImport(importId: "${staged.data!.previewLearnerImport.id}") { ${importFields} } }`,
      {},
      other.token,
    );
    expect(skipped.data!.commitLearnerImport.committed[0]!.result).toBe(
      'SKIPPED_SUSPECTED_DUPLICATE',
    );
  });

  it('refuses a file without the required columns, naming them', async () => {
    const response = await server.graphql(
      `mutation($input: LearnerImportInput!) { previewLearnerImport(input: $input) { id } }`,
      {
        input: {
          fileName: 'short.csv',
          contentBase64: Buffer.from('Last Name,First Name\nA,B').toString('base64'),
          schoolYear: SY,
        },
      },
      registrar,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      field: 'input.contentBase64',
      rule: 'IMPORT_COLUMN_MISSING',
    });
    expect(response.errors?.[0]?.message).toContain('birth date, sex, grade level');
  });
});
