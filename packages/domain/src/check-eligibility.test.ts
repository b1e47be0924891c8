import { describe, expect, it } from 'vitest';
import { checkEligibility, type EligibilityInput } from './check-eligibility.js';

const base: EligibilityInput = {
  schoolYear: '2025-2026',
  gradeLevel: 'KINDER',
  basis: 'KINDER_AGE_5',
  birthDate: '2020-05-10',
  firstTimeEnrollee: true,
  documents: ['PSA_BIRTH_CERTIFICATE'],
};
const check = (change: Partial<EligibilityInput>) => checkEligibility({ ...base, ...change });

describe('checkEligibility: ages on the cut-off (DO 03 s. 2018 §V.A table)', () => {
  it.each([
    ['§V.A Kinder: five the day before the cut-off', '2020-08-30', true],
    ['§V.A Kinder: five on the cut-off', '2020-08-31', true],
    ['§V.A Kinder: five the day after the cut-off', '2020-09-01', false],
    ['§V.A Kinder: born 29 February 2020', '2020-02-29', true],
  ])('%s', (_, birthDate, eligible) => {
    const result = check({ birthDate });
    expect(result.eligible).toBe(eligible);
    if (!eligible) expect(result.reasons).toEqual(['AGE_BELOW_CUTOFF']);
  });

  it.each([
    ['§V.A Grade 1 without Kinder: six on the cut-off', '2019-08-31', true],
    ['§V.A Grade 1 without Kinder: six the day after', '2019-09-01', false],
  ])('%s', (_, birthDate, eligible) => {
    const result = check({
      gradeLevel: 'GRADE_1',
      basis: 'NO_KINDER_AGE_6',
      birthDate,
      documents: ['ECCD_CHECKLIST', 'PSA_BIRTH_CERTIFICATE'],
    });
    expect(result.eligible).toBe(eligible);
  });
});

describe('checkEligibility: documents per path (§V.A table, transferees, special cases; §V.B, §V.C)', () => {
  it.each<[string, Partial<EligibilityInput>, string[], string[], string | null]>([
    [
      '§V.A Kinder with PSA certificate: official',
      {},
      ['PSA_BIRTH_CERTIFICATE'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.A Kinder with a barangay certification instead',
      { documents: ['BARANGAY_CERTIFICATION'] },
      ['BARANGAY_CERTIFICATION'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.A Kinder with the late registration instead',
      { documents: ['LCR_BIRTH_CERTIFICATE'] },
      ['LCR_BIRTH_CERTIFICATE'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.C Kinder without a birth document: temporary',
      { documents: [] },
      ['PSA_BIRTH_CERTIFICATE'],
      ['PSA_BIRTH_CERTIFICATE'],
      'TEMPORARILY_ENROLLED',
    ],
    [
      '§V.A birth document on file is never asked again',
      { documents: [], birthDocumentOnFile: true },
      [],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.A Grade 1 after accredited Kinder',
      {
        gradeLevel: 'GRADE_1',
        basis: 'KINDER_COMPLETED_ACCREDITED',
        birthDate: '2019-03-01',
        firstTimeEnrollee: false,
        documents: ['KINDER_CERTIFICATE_OF_COMPLETION', 'PSA_BIRTH_CERTIFICATE'],
      },
      ['KINDER_CERTIFICATE_OF_COMPLETION', 'PSA_BIRTH_CERTIFICATE'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.A Grade 1 after accredited Kinder, certificate missing',
      {
        gradeLevel: 'GRADE_1',
        basis: 'KINDER_COMPLETED_ACCREDITED',
        birthDate: '2019-03-01',
        firstTimeEnrollee: false,
        documents: ['PSA_BIRTH_CERTIFICATE'],
      },
      ['KINDER_CERTIFICATE_OF_COMPLETION', 'PSA_BIRTH_CERTIFICATE'],
      ['KINDER_CERTIFICATE_OF_COMPLETION'],
      'TEMPORARILY_ENROLLED',
    ],
    [
      '§V.A Grade 1 aged six, ECCD checklist',
      {
        gradeLevel: 'GRADE_1',
        basis: 'NO_KINDER_AGE_6',
        birthDate: '2019-03-01',
        documents: ['ECCD_CHECKLIST', 'PSA_BIRTH_CERTIFICATE'],
      },
      ['ECCD_CHECKLIST', 'PSA_BIRTH_CERTIFICATE'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.A Grade 1 home-schooled, PVT result',
      {
        gradeLevel: 'GRADE_1',
        basis: 'KINDER_NON_ACCREDITED_OR_HOMESCHOOLED',
        birthDate: '2019-03-01',
        documents: ['PVT_RESULT', 'PSA_BIRTH_CERTIFICATE'],
      },
      ['PVT_RESULT', 'PSA_BIRTH_CERTIFICATE'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.A Grade 1 home-schooled, no PEPT or PVT',
      {
        gradeLevel: 'GRADE_1',
        basis: 'KINDER_NON_ACCREDITED_OR_HOMESCHOOLED',
        birthDate: '2019-03-01',
        documents: ['PSA_BIRTH_CERTIFICATE'],
      },
      ['PEPT_RESULT', 'PSA_BIRTH_CERTIFICATE'],
      ['PEPT_RESULT'],
      'TEMPORARILY_ENROLLED',
    ],
    [
      '§V.A Grade 7, Grade 6 graduate with SF9',
      {
        gradeLevel: 'GRADE_7',
        basis: 'GRADE_6_GRADUATE',
        birthDate: '2013-03-01',
        firstTimeEnrollee: false,
        documents: ['SF9'],
      },
      ['SF9'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.A Grade 7, PEPT passer',
      {
        gradeLevel: 'GRADE_7',
        basis: 'PEPT_PASSER',
        birthDate: '2013-03-01',
        firstTimeEnrollee: false,
        documents: ['PEPT_RESULT', 'PSA_BIRTH_CERTIFICATE'],
      },
      ['PEPT_RESULT', 'PSA_BIRTH_CERTIFICATE'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.A special cases: A&E Elementary passer for Grade 7',
      {
        gradeLevel: 'GRADE_7',
        basis: 'AE_ELEMENTARY_PASSER',
        birthDate: '2010-03-01',
        firstTimeEnrollee: false,
        documents: ['AE_RESULT', 'PSA_BIRTH_CERTIFICATE'],
      },
      ['AE_RESULT', 'PSA_BIRTH_CERTIFICATE'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.A Grade 11, Grade 10 completer with SF9',
      {
        gradeLevel: 'GRADE_11',
        basis: 'GRADE_10_COMPLETER',
        birthDate: '2009-03-01',
        firstTimeEnrollee: false,
        documents: ['SF9'],
      },
      ['SF9'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.A special cases: A&E Secondary passer for Grade 11',
      {
        gradeLevel: 'GRADE_11',
        basis: 'AE_SECONDARY_PASSER',
        birthDate: '2005-03-01',
        firstTimeEnrollee: false,
        documents: ['AE_RESULT'],
      },
      ['AE_RESULT', 'PSA_BIRTH_CERTIFICATE'],
      ['PSA_BIRTH_CERTIFICATE'],
      'TEMPORARILY_ENROLLED',
    ],
    [
      '§V.A continuing learner: nothing to hand in',
      {
        gradeLevel: 'GRADE_4',
        basis: 'CONTINUING',
        birthDate: '2016-03-01',
        firstTimeEnrollee: false,
        documents: [],
      },
      [],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.A transferee with SF9',
      {
        gradeLevel: 'GRADE_4',
        basis: 'TRANSFEREE',
        birthDate: '2016-03-01',
        firstTimeEnrollee: false,
        documents: ['SF9'],
      },
      ['SF9'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      "§V.A transferee with the registrar's letter",
      {
        gradeLevel: 'GRADE_4',
        basis: 'TRANSFEREE',
        birthDate: '2016-03-01',
        firstTimeEnrollee: false,
        documents: ['REGISTRAR_LETTER'],
      },
      ['REGISTRAR_LETTER'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.C transferee without SF9 but with the affidavit: temporary',
      {
        gradeLevel: 'GRADE_4',
        basis: 'TRANSFEREE',
        birthDate: '2016-03-01',
        firstTimeEnrollee: false,
        documents: ['AFFIDAVIT_OF_UNDERTAKING'],
      },
      ['SF9'],
      ['SF9'],
      'TEMPORARILY_ENROLLED',
    ],
    [
      '§V.A special cases: Balik-Aral with SF9, birth document may follow',
      {
        gradeLevel: 'GRADE_5',
        basis: 'BALIK_ARAL',
        birthDate: '2013-03-01',
        firstTimeEnrollee: false,
        documents: ['SF9'],
      },
      ['SF9'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.A special cases: from a school abroad',
      {
        gradeLevel: 'GRADE_8',
        basis: 'FROM_SCHOOL_ABROAD',
        birthDate: '2012-03-01',
        firstTimeEnrollee: false,
        documents: ['PROOF_OF_IDENTITY', 'FOREIGN_REPORT_CARD'],
      },
      ['PROOF_OF_IDENTITY', 'FOREIGN_REPORT_CARD'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.A special cases: from a non-accredited school',
      {
        gradeLevel: 'GRADE_3',
        basis: 'FROM_NON_ACCREDITED_SCHOOL',
        birthDate: '2017-03-01',
        firstTimeEnrollee: false,
        documents: ['PVT_RESULT', 'PSA_BIRTH_CERTIFICATE'],
      },
      ['PVT_RESULT', 'PSA_BIRTH_CERTIFICATE'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.A special cases: displaced learner with any proof of identity',
      {
        gradeLevel: 'GRADE_6',
        basis: 'DISPLACED',
        birthDate: '2014-03-01',
        firstTimeEnrollee: false,
        documents: ['PROOF_OF_IDENTITY'],
      },
      ['PROOF_OF_IDENTITY'],
      [],
      'OFFICIALLY_ENROLLED',
    ],
  ])('%s', (_, change, required, missing, status) => {
    const result = check(change);
    expect(result.eligible).toBe(true);
    expect(result.requiredDocuments).toEqual(required);
    expect(result.missingDocuments).toEqual(missing);
    expect(result.resultingStatus).toBe(status);
    expect(result.documentsDueBy).toBe(missing.length > 0 ? '2025-08-31' : null);
  });

  it('§V.A special cases: what may follow during the year is listed apart', () => {
    expect(
      check({
        gradeLevel: 'GRADE_5',
        basis: 'BALIK_ARAL',
        birthDate: '2013-03-01',
        firstTimeEnrollee: false,
        documents: ['SF9'],
      }).documentsDuringYear,
    ).toEqual(['PSA_BIRTH_CERTIFICATE']);
    expect(
      check({
        gradeLevel: 'GRADE_8',
        basis: 'FROM_SCHOOL_ABROAD',
        birthDate: '2012-03-01',
        firstTimeEnrollee: false,
        documents: ['PROOF_OF_IDENTITY', 'FOREIGN_REPORT_CARD'],
      }).documentsDuringYear,
    ).toEqual(['TRANSCRIPT_OF_RECORDS']);
    expect(
      check({
        gradeLevel: 'GRADE_6',
        basis: 'DISPLACED',
        birthDate: '2014-03-01',
        firstTimeEnrollee: false,
        documents: ['PROOF_OF_IDENTITY'],
      }).documentsDuringYear,
    ).toEqual(['SF9']);
  });

  it('§V.C a transferee without SF9 needs the Affidavit of Undertaking to be enrolled at all', () => {
    const result = check({
      gradeLevel: 'GRADE_4',
      basis: 'TRANSFEREE',
      birthDate: '2016-03-01',
      firstTimeEnrollee: false,
      documents: [],
    });
    expect(result).toMatchObject({
      eligible: false,
      resultingStatus: null,
      missingDocuments: ['SF9', 'AFFIDAVIT_OF_UNDERTAKING'],
      documentsDueBy: '2025-08-31',
    });
    expect(result.reasons).toEqual(['DOCUMENTS_MISSING', 'AFFIDAVIT_OF_UNDERTAKING_REQUIRED']);
  });

  it.each([
    ['§V.C the day before the deadline', '2025-08-30', false],
    ['§V.C on the deadline', '2025-08-31', false],
    ['§V.C the day after the deadline', '2025-09-01', true],
  ])('%s: missing documents are overdue %s', (_, asOf, overdue) => {
    expect(check({ documents: [], asOf }).reasons.includes('DOCUMENT_DEADLINE_PASSED')).toBe(
      overdue,
    );
  });
});

describe('checkEligibility: first-time enrollees (§V.A)', () => {
  it.each<[string, Partial<EligibilityInput>, boolean, string[], 'ALS' | null]>([
    [
      '§V.A aged 8, first time, Grade 1 after KCEP',
      { gradeLevel: 'GRADE_1', basis: 'KCEP_COMPLETED', birthDate: '2017-03-01' },
      true,
      ['DOCUMENTS_COMPLETE'],
      null,
    ],
    [
      '§V.A aged 10, first time, placed in Grade 4 by PEPT',
      {
        gradeLevel: 'GRADE_4',
        basis: 'PEPT_PASSER',
        birthDate: '2015-03-01',
        documents: ['PEPT_RESULT', 'PSA_BIRTH_CERTIFICATE'],
      },
      true,
      ['DOCUMENTS_COMPLETE'],
      null,
    ],
    [
      '§V.A aged 9, first time, without KCEP or PEPT',
      { gradeLevel: 'GRADE_3', basis: 'FROM_NON_ACCREDITED_SCHOOL', birthDate: '2016-03-01' },
      false,
      ['FIRST_TIME_NEEDS_KCEP_OR_PEPT'],
      null,
    ],
    [
      '§V.A aged 12 on the cut-off: still KCEP or PEPT',
      { gradeLevel: 'GRADE_1', basis: 'KCEP_COMPLETED', birthDate: '2012-09-01' },
      true,
      ['DOCUMENTS_COMPLETE'],
      null,
    ],
    [
      '§V.A aged 13 on the cut-off: ALS advised',
      { gradeLevel: 'GRADE_1', basis: 'KCEP_COMPLETED', birthDate: '2012-08-31' },
      true,
      ['ALS_RECOMMENDED', 'DOCUMENTS_COMPLETE'],
      'ALS',
    ],
    [
      '§V.A aged 16, first time: ALS advised',
      {
        gradeLevel: 'GRADE_7',
        basis: 'PEPT_PASSER',
        birthDate: '2009-03-01',
        documents: ['PEPT_RESULT'],
      },
      true,
      ['ALS_RECOMMENDED', 'DOCUMENTS_MISSING'],
      'ALS',
    ],
    [
      '§V.A aged 16, not first time: no advice',
      {
        gradeLevel: 'GRADE_7',
        basis: 'PEPT_PASSER',
        birthDate: '2009-03-01',
        firstTimeEnrollee: false,
        documents: ['PEPT_RESULT', 'PSA_BIRTH_CERTIFICATE'],
      },
      true,
      ['DOCUMENTS_COMPLETE'],
      null,
    ],
    [
      '§V.A a first-time enrollee cannot be a transferee',
      { gradeLevel: 'GRADE_2', basis: 'TRANSFEREE', birthDate: '2018-03-01' },
      false,
      ['BASIS_CONTRADICTS_FIRST_TIME'],
      null,
    ],
  ])('%s', (_, change, eligible, reasons, recommendation) => {
    const result = check({ documents: ['PSA_BIRTH_CERTIFICATE'], ...change });
    expect(result.eligible).toBe(eligible);
    expect(result.reasons).toEqual(reasons);
    expect(result.recommendation).toBe(recommendation);
  });
});

describe('checkEligibility: refusals', () => {
  it.each<[string, Partial<EligibilityInput>, string[]]>([
    [
      '§V.A a basis for another grade',
      { gradeLevel: 'GRADE_3', basis: 'GRADE_6_GRADUATE', firstTimeEnrollee: false },
      ['BASIS_NOT_FOR_GRADE'],
    ],
    [
      '§V.A continuing into an early-registration grade',
      {
        gradeLevel: 'GRADE_7',
        basis: 'CONTINUING',
        firstTimeEnrollee: false,
        birthDate: '2013-01-01',
      },
      ['BASIS_NOT_FOR_GRADE'],
    ],
    ['§VIII a school year before the policy', { schoolYear: '2017-2018' }, ['POLICY_NOT_IN_FORCE']],
    ['a malformed school year', { schoolYear: '2025' }, ['SCHOOL_YEAR_INVALID']],
    ['a birth date that does not exist', { birthDate: '2020-02-30' }, ['BIRTH_DATE_INVALID']],
    ['born after the cut-off', { birthDate: '2025-12-01' }, ['BIRTH_DATE_AFTER_CUTOFF']],
  ])('%s', (_, change, reasons) => {
    const result = check(change);
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual(reasons);
    expect(result.resultingStatus).toBeNull();
  });

  it('ALS guide: ALS programs are open, with no documents gating them', () => {
    expect(
      check({
        gradeLevel: 'ALS_AE_SECONDARY',
        basis: 'BALIK_ARAL',
        birthDate: '2000-01-01',
        documents: [],
      }),
    ).toMatchObject({
      eligible: true,
      reasons: ['ALS_PROGRAM'],
      resultingStatus: 'OFFICIALLY_ENROLLED',
    });
  });
});
