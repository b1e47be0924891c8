import { describe, expect, it } from 'vitest';
import {
  toCivilDate,
  validateLearnerProfile,
  type LearnerProfileInput,
} from './learner-profile.js';

const asOf = '2026-06-15';
const valid: LearnerProfileInput = {
  lastName: 'Dela Cruz',
  firstName: 'Maria Cristina',
  middleName: 'Santos',
  birthDate: '2019-03-07',
};

describe('validateLearnerProfile (DO 03 s. 2018 §V.A Annex 2, SPEC §3)', () => {
  it.each<[string, Partial<LearnerProfileInput>, { field: string; code: string }[]]>([
    ['§V.A a complete profile', {}, []],
    ['§V.A Filipino letters are names', { lastName: 'Peñafrancia', firstName: 'Niño José' }, []],
    ['§V.A last name required', { lastName: '  ' }, [{ field: 'lastName', code: 'REQUIRED' }]],
    ['§V.A first name required', { firstName: null }, [{ field: 'firstName', code: 'REQUIRED' }]],
    ['§V.A middle name optional', { middleName: null }, []],
    [
      '§V.A names are letters',
      { firstName: 'Maria2' },
      [{ field: 'firstName', code: 'NAME_CHARACTERS' }],
    ],
    [
      'names with apostrophes, hyphens, periods inside',
      { lastName: "O'Brien-Dela Cruz", firstName: 'Ma. Luisa' },
      [],
    ],
    [
      'a name of an apostrophe alone',
      { lastName: "'" },
      [{ field: 'lastName', code: 'NAME_CHARACTERS' }],
    ],
    [
      'a name starting with a hyphen',
      { firstName: '-Maria' },
      [{ field: 'firstName', code: 'NAME_CHARACTERS' }],
    ],
    [
      'a name ending with a hyphen',
      { firstName: 'Maria-' },
      [{ field: 'firstName', code: 'NAME_CHARACTERS' }],
    ],
    [
      'a formula as a name',
      { lastName: '=HYPERLINK("x")' },
      [{ field: 'lastName', code: 'NAME_CHARACTERS' }],
    ],
    [
      'a name with a NUL',
      { firstName: 'Ma\u0000ria' },
      [{ field: 'firstName', code: 'NAME_CHARACTERS' }],
    ],
    [
      '§V.A names are at most 100 letters',
      { lastName: 'a'.repeat(101) },
      [{ field: 'lastName', code: 'TOO_LONG' }],
    ],
    ['§V.A suffix Jr.', { extensionName: 'Jr.' }, []],
    ['§V.A suffix III', { extensionName: 'III' }, []],
    [
      '§V.A unknown suffix',
      { extensionName: 'Esq' },
      [{ field: 'extensionName', code: 'EXTENSION_UNKNOWN' }],
    ],
    ['§V.A birth date required', { birthDate: null }, [{ field: 'birthDate', code: 'REQUIRED' }]],
    [
      '§V.A birth date format',
      { birthDate: '07/03/2019' },
      [{ field: 'birthDate', code: 'DATE_FORMAT' }],
    ],
    [
      '§V.A birth date must exist',
      { birthDate: '2019-02-30' },
      [{ field: 'birthDate', code: 'DATE_INVALID' }],
    ],
    ['§V.A 29 February of a leap year', { birthDate: '2020-02-29' }, []],
    [
      '§V.A 29 February of another year',
      { birthDate: '2019-02-29' },
      [{ field: 'birthDate', code: 'DATE_INVALID' }],
    ],
    ['§V.A born today is allowed', { birthDate: asOf }, []],
    [
      '§V.A born tomorrow is not',
      { birthDate: '2026-06-16' },
      [{ field: 'birthDate', code: 'DATE_IN_FUTURE' }],
    ],
    ['§V.A a century back is allowed', { birthDate: '1926-06-15' }, []],
    [
      '§V.A more than a century back is not',
      { birthDate: '1926-06-14' },
      [{ field: 'birthDate', code: 'DATE_TOO_EARLY' }],
    ],
    [
      '§IV.m IP community needs IP membership',
      { isIndigenous: false, ipCommunity: 'Ifugao' },
      [{ field: 'ipCommunity', code: 'IP_COMMUNITY_WITHOUT_IP' }],
    ],
    ['§IV.m IP with community', { isIndigenous: true, ipCommunity: 'Ifugao' }, []],
    [
      '§V.A PSA birth certificate on file',
      { birthDocumentType: 'PSA_BIRTH_CERTIFICATE', birthDocumentReceivedOn: '2026-02-01' },
      [],
    ],
    [
      '§V.A barangay certification on file',
      { birthDocumentType: 'BARANGAY_CERTIFICATION', birthDocumentReceivedOn: '2026-02-01' },
      [],
    ],
    [
      '§V.A an SF9 is not a birth document',
      { birthDocumentType: 'SF9', birthDocumentReceivedOn: '2026-02-01' },
      [{ field: 'birthDocumentType', code: 'NOT_A_BIRTH_DOCUMENT' }],
    ],
    [
      '§V.A document needs its date',
      { birthDocumentType: 'PSA_BIRTH_CERTIFICATE' },
      [{ field: 'birthDocumentReceivedOn', code: 'REQUIRED' }],
    ],
    [
      '§V.A a date needs its document',
      { birthDocumentReceivedOn: '2026-02-01' },
      [{ field: 'birthDocumentType', code: 'REQUIRED' }],
    ],
    [
      '§V.A received before birth',
      { birthDocumentType: 'PSA_BIRTH_CERTIFICATE', birthDocumentReceivedOn: '2018-01-01' },
      [{ field: 'birthDocumentReceivedOn', code: 'DATE_TOO_EARLY' }],
    ],
    [
      '§V.A received in the future',
      { birthDocumentType: 'PSA_BIRTH_CERTIFICATE', birthDocumentReceivedOn: '2026-07-01' },
      [{ field: 'birthDocumentReceivedOn', code: 'DATE_IN_FUTURE' }],
    ],
  ])('%s', (_, change, expected) => {
    expect(validateLearnerProfile({ ...valid, ...change }, asOf)).toEqual(expected);
  });

  it('§V.A an update checks only the fields it changes', () => {
    expect(validateLearnerProfile({ middleName: 'Reyes' }, asOf, true)).toEqual([]);
    expect(validateLearnerProfile({ lastName: '' }, asOf, true)).toEqual([
      { field: 'lastName', code: 'REQUIRED' },
    ]);
  });
});

describe('toCivilDate', () => {
  it.each([
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['2023-13-01', null],
    ['2023-1-01', null],
  ])('%s → %s', (value, expected) => {
    expect(toCivilDate(value)).toBe(expected);
  });
});
