import { addDays } from '@repo/domain/civil-date';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinClockDuring, seededCalendar } from '../../../test/clock-fixtures.js';
import { openTestDataSource, startTestServer, type TestServer } from '../../../test/harness.js';

let dataSource: DataSource;
let server: TestServer;
beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

const query = `query ($input: CheckEligibilityInput!) {
  checkEligibility(input: $input) {
    eligible reasons requiredDocuments missingDocuments documentsDuringYear documentsDueBy resultingStatus recommendation ageOnCutoff } }`;

describe('checkEligibility over GraphQL (SPEC §7), with no sign-in', () => {
  it.each([
    [
      'a Kinder pupil five by the cut-off, PSA certificate in hand',
      {
        gradeLevel: 'KINDER',
        basis: 'KINDER_AGE_5',
        birthDate: '2020-08-31',
        firstTimeEnrollee: true,
        documents: ['PSA_BIRTH_CERTIFICATE'],
      },
      {
        eligible: true,
        resultingStatus: 'OFFICIALLY_ENROLLED',
        missingDocuments: [],
        ageOnCutoff: 5,
      },
    ],
    [
      'a transferee without SF9 or affidavit',
      {
        gradeLevel: 'GRADE_4',
        basis: 'TRANSFEREE',
        birthDate: '2016-03-01',
        firstTimeEnrollee: false,
        documents: [],
      },
      {
        eligible: false,
        reasons: ['DOCUMENTS_MISSING', 'AFFIDAVIT_OF_UNDERTAKING_REQUIRED'],
        missingDocuments: ['SF9', 'AFFIDAVIT_OF_UNDERTAKING'],
        documentsDueBy: '2025-08-31',
      },
    ],
    [
      'a first-time enrollee of 14',
      {
        gradeLevel: 'GRADE_7',
        basis: 'PEPT_PASSER',
        birthDate: '2011-05-01',
        firstTimeEnrollee: true,
        documents: ['PEPT_RESULT', 'LCR_BIRTH_CERTIFICATE'],
      },
      { eligible: true, recommendation: 'ALS', reasons: ['ALS_RECOMMENDED', 'DOCUMENTS_COMPLETE'] },
    ],
  ])('%s', async (_, input, expected) => {
    const { data, errors } = await server.graphql<{ checkEligibility: Record<string, unknown> }>(
      query,
      {
        input: { schoolYear: '2025-2026', asOf: '2025-06-16', ...input },
      },
    );
    expect(errors).toBeUndefined();
    expect(data!.checkEligibility).toMatchObject(expected);
  });

  // Without asOf the deadline is judged on today (§V.C): the clock held on SY 2027-2028's
  // document deadline, then on the day after it.
  const deadline = seededCalendar('2027-2028').dates.documentDeadline;
  it.each([
    [deadline, 'still open', ['DOCUMENTS_MISSING']],
    [addDays(deadline, 1), 'passed', ['DOCUMENTS_MISSING', 'DOCUMENT_DEADLINE_PASSED']],
  ])('without asOf, on %s the document deadline has %s', async (day, _, reasons) => {
    const held = pinClockDuring(day);
    try {
      const { data, errors } = await server.graphql<{
        checkEligibility: Record<string, unknown>;
      }>(query, {
        input: {
          schoolYear: '2027-2028',
          gradeLevel: 'GRADE_4',
          basis: 'TRANSFEREE',
          birthDate: '2018-03-01',
          firstTimeEnrollee: false,
          documents: ['AFFIDAVIT_OF_UNDERTAKING'],
        },
      });
      expect(errors).toBeUndefined();
      expect(data!.checkEligibility).toMatchObject({
        eligible: true,
        reasons,
        resultingStatus: 'TEMPORARILY_ENROLLED',
        documentsDueBy: deadline,
      });
    } finally {
      held.restore();
    }
  });

  it('refuses an unknown enum value before the engine runs', async () => {
    const { errors } = await server.graphql(query, {
      input: {
        schoolYear: '2025-2026',
        gradeLevel: 'GRADE_13',
        basis: 'KINDER_AGE_5',
        birthDate: '2020-01-01',
        firstTimeEnrollee: true,
      },
    });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each(['2024-13-01', '2023-02-29', '0001-01-01', '2024-1-1', 'today'])(
    'refuses asOf %s as DATE_INVALID, never judging it (issue 19)',
    async (asOf) => {
      const { data, errors } = await server.graphql(query, {
        input: {
          schoolYear: '2025-2026',
          gradeLevel: 'GRADE_1',
          basis: 'KINDER_COMPLETED_ACCREDITED',
          birthDate: '2019-03-01',
          firstTimeEnrollee: false,
          asOf,
        },
      });
      expect(data).toBeNull();
      expect(errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.asOf',
        rule: 'DATE_INVALID',
      });
    },
  );
});
