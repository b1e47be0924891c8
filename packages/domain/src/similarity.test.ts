import { describe, expect, it } from 'vitest';
import {
  compareLearners,
  isDayMonthSwap,
  likelyDuplicateScore,
  matchQuery,
  type PersonRecord,
} from './similarity.js';

const maria: PersonRecord = {
  lastName: 'Dela Cruz',
  firstName: 'Maria Cristina',
  middleName: 'Santos',
  birthDate: '2015-03-07',
  sex: 'FEMALE',
};

describe('compareLearners (DO 03 s. 2018 §VI; SPEC §3 duplicate rules)', () => {
  it.each<[string, Partial<PersonRecord>, boolean, string[]]>([
    ['§VI the same record', {}, true, ['SAME_NAME', 'SAME_BIRTH_DATE', 'SAME_SEX']],
    ['§VI Ma. for Maria', { firstName: 'Ma. Cristina' }, true, ['SAME_NAME', 'SAME_BIRTH_DATE']],
    ['§VI De la Cruz for Dela Cruz', { lastName: 'De la Cruz' }, true, ['SAME_NAME']],
    [
      '§VI upper case and accents',
      { lastName: 'DELA CRÚZ', firstName: 'MARÍA CRISTINA' },
      true,
      ['SAME_NAME'],
    ],
    [
      '§VI a misspelt first name',
      { firstName: 'Maria Christina' },
      true,
      ['SIMILAR_NAME', 'SAME_BIRTH_DATE'],
    ],
    [
      '§VI first and middle swapped',
      { firstName: 'Santos', middleName: 'Maria Cristina' },
      true,
      ['FIRST_MIDDLE_SWAPPED', 'SAME_BIRTH_DATE'],
    ],
    [
      '§VI day and month of birth swapped',
      { birthDate: '2015-07-03' },
      true,
      ['SAME_NAME', 'BIRTH_DAY_MONTH_SWAPPED'],
    ],
    ['§VI middle name missing on one side', { middleName: null }, true, ['SAME_BIRTH_DATE']],
    [
      '§VI another birth date',
      { birthDate: '2016-11-20' },
      false,
      ['SAME_NAME', 'DIFFERENT_BIRTH_DATE'],
    ],
    [
      '§VI another child, same birth date',
      { lastName: 'Reyes', firstName: 'Jose', middleName: 'Bautista', sex: 'MALE' },
      false,
      ['SAME_BIRTH_DATE', 'DIFFERENT_SEX'],
    ],
    [
      '§VI a sibling: same surname, other first name',
      { firstName: 'Ana Liza' },
      false,
      ['SAME_LAST_NAME', 'SAME_BIRTH_DATE'],
    ],
  ])('%s', (_, change, duplicate, reasons) => {
    const match = compareLearners(maria, { ...maria, ...change });
    expect(match.likelyDuplicate).toBe(duplicate);
    expect(match.reasons).toEqual(expect.arrayContaining(reasons));
    expect(match.score).toBeGreaterThanOrEqual(0);
    expect(match.score).toBeLessThanOrEqual(1);
  });

  it('§VI the same LRN is the same learner, whatever else differs', () => {
    const match = compareLearners(
      { ...maria, lrn: '123456789012' },
      { lastName: 'X', firstName: 'Y', birthDate: '2001-01-01', lrn: '123456789012' },
    );
    expect(match).toEqual({ score: 1, reasons: ['SAME_LRN'], likelyDuplicate: true });
  });

  it('§VI a Jr. and his father are told apart', () => {
    const father: PersonRecord = {
      lastName: 'Santos',
      firstName: 'Jose',
      middleName: 'Reyes',
      birthDate: '2015-01-05',
      sex: 'MALE',
    };
    const junior = { ...father, extensionName: 'Jr.' };
    const match = compareLearners(father, junior);
    expect(match.reasons).toContain('DIFFERENT_EXTENSION');
    expect(match.score).toBeLessThan(compareLearners(father, father).score);
  });

  it('§VI without sex on one side, sex neither helps nor hurts much', () => {
    const match = compareLearners(maria, { ...maria, sex: null });
    expect(match.reasons).not.toContain('SAME_SEX');
    expect(match.likelyDuplicate).toBe(true);
  });

  it('ranks the true match above near misses', () => {
    const candidates: PersonRecord[] = [
      { ...maria, firstName: 'Ana Liza' },
      { ...maria, birthDate: '2016-11-20' },
      { ...maria, firstName: 'Ma. Cristina', lastName: 'De la Cruz' },
    ];
    const ranked = [...candidates].sort(
      (a, b) => compareLearners(maria, b).score - compareLearners(maria, a).score,
    );
    expect(ranked[0]!.firstName).toBe('Ma. Cristina');
    expect(likelyDuplicateScore).toBeGreaterThan(0.5);
  });
});

describe('isDayMonthSwap (§VI)', () => {
  it.each([
    ['2015-03-07', '2015-07-03', true],
    ['2015-03-07', '2015-03-07', false],
    ['2015-03-07', '2016-07-03', false],
    ['2015-03-07', '2015-07-04', false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(isDayMonthSwap(a, b)).toBe(expected);
  });
});

describe('matchQuery (§VI: the search learner facility)', () => {
  const record: PersonRecord = { ...maria, lrn: '100000000123', formerLrns: ['100000000777'] };
  it.each<[string, Parameters<typeof matchQuery>[0], string[], boolean]>([
    ['§VI by LRN', { lrn: '100000000123' }, ['SAME_LRN'], true],
    [
      '§VI by name, last name first',
      { name: 'Dela Cruz, Maria Cristina Santos' },
      ['SAME_NAME'],
      true,
    ],
    [
      '§VI by name, first name first',
      { name: 'Ma. Cristina Santos De la Cruz' },
      ['SAME_NAME'],
      true,
    ],
    [
      '§VI by name and birth date, the middle name left out',
      { name: 'Maria Cristina Dela Cruz', birthDate: '2015-03-07' },
      ['SAME_FIRST_AND_LAST_NAME', 'SAME_BIRTH_DATE'],
      true,
    ],
    [
      '§VI birth day and month swapped',
      { name: 'Maria Cristina Santos Dela Cruz', birthDate: '2015-07-03' },
      ['SAME_NAME', 'BIRTH_DAY_MONTH_SWAPPED'],
      true,
    ],
    [
      '§VI another birth date',
      { name: 'Maria Cristina Santos Dela Cruz', birthDate: '2014-01-30' },
      ['DIFFERENT_BIRTH_DATE'],
      false,
    ],
    ['§VI another name', { name: 'Jose Rizal' }, [], false],
    ['§VI an LRN that is not this one', { lrn: '100000000999' }, [], false],
    [
      '§VI an LRN retired in a merge into this record',
      { lrn: '100000000777' },
      ['FORMER_LRN'],
      true,
    ],
  ])('%s', (_, query, reasons, duplicate) => {
    const match = matchQuery(query, record);
    expect(match.reasons).toEqual(expect.arrayContaining(reasons));
    expect(match.likelyDuplicate).toBe(duplicate);
  });
});

describe("matchQuery: the typed words against the name's parts (§VI; issue 21)", () => {
  const juan: PersonRecord = {
    lastName: 'Dela Cruz',
    firstName: 'Juan',
    middleName: 'Santos',
    birthDate: '2016-02-14',
    sex: 'MALE',
  };
  const born = juan.birthDate;
  it.each<[string, Parameters<typeof matchQuery>[0], PersonRecord, string[], boolean]>([
    [
      '§VI "Juan Dela Cruz" with the exact birth date: a missing middle name costs nothing',
      { name: 'Juan Dela Cruz', birthDate: born },
      juan,
      ['SAME_FIRST_AND_LAST_NAME', 'SAME_BIRTH_DATE'],
      true,
    ],
    [
      '§VI word order: last name first, with a comma',
      { name: 'Dela Cruz, Juan', birthDate: born },
      juan,
      ['SAME_FIRST_AND_LAST_NAME', 'SAME_BIRTH_DATE'],
      true,
    ],
    [
      '§VI word order: the whole name, last name first',
      { name: 'Dela Cruz Juan Santos', birthDate: born },
      juan,
      ['SAME_NAME', 'SAME_BIRTH_DATE'],
      true,
    ],
    [
      '§VI a missing middle name without a birth date costs half a word',
      { name: 'Juan Dela Cruz' },
      juan,
      ['SAME_FIRST_AND_LAST_NAME'],
      true,
    ],
    [
      '§VI a missing middle name and another birth date: not the same learner',
      { name: 'Juan Dela Cruz', birthDate: '2014-09-30' },
      juan,
      ['SAME_FIRST_AND_LAST_NAME', 'DIFFERENT_BIRTH_DATE'],
      false,
    ],
    [
      '§VI an extra word that is not the middle name: not the same learner',
      { name: 'Juan Miguel Dela Cruz', birthDate: born },
      juan,
      ['SIMILAR_NAME', 'SAME_LAST_NAME', 'SAME_FIRST_NAME', 'SAME_BIRTH_DATE'],
      false,
    ],
    [
      '§VI a middle name typed that the record lacks costs nothing',
      { name: 'Juan Santos Dela Cruz', birthDate: born },
      { ...juan, middleName: null },
      ['SAME_FIRST_AND_LAST_NAME', 'SAME_BIRTH_DATE'],
      true,
    ],
    [
      '§VI two extra words on a record without a middle name: one costs',
      { name: 'Juan Santos Reyes Dela Cruz', birthDate: born },
      { ...juan, middleName: null },
      ['SIMILAR_NAME', 'SAME_LAST_NAME', 'SAME_FIRST_NAME', 'SAME_BIRTH_DATE'],
      false,
    ],
    [
      '§VI accents, upper case and "De la"',
      { name: 'JUÁN DE LA CRÚZ', birthDate: born },
      juan,
      ['SAME_FIRST_AND_LAST_NAME', 'SAME_BIRTH_DATE'],
      true,
    ],
    [
      '§VI ñ and an accent in the record, plain letters typed',
      { name: 'Nino Dela Pena', birthDate: born },
      { ...juan, firstName: 'Niño', lastName: 'Dela Peña' },
      ['SAME_FIRST_AND_LAST_NAME', 'SAME_BIRTH_DATE'],
      true,
    ],
    [
      '§VI one word misspelt, no middle name',
      { name: 'Juan Dela Crus', birthDate: born },
      juan,
      ['SIMILAR_NAME', 'SAME_FIRST_NAME', 'SAME_BIRTH_DATE'],
      true,
    ],
    ['§VI the first name alone', { name: 'Juan' }, juan, ['SAME_FIRST_NAME'], false],
    ['§VI the last name alone', { name: 'Dela Cruz' }, juan, ['SAME_LAST_NAME'], false],
    ['§VI the middle name alone', { name: 'Santos' }, juan, ['SAME_MIDDLE_NAME'], false],
  ])('%s', (_, query, record, reasons, duplicate) => {
    const match = matchQuery(query, record);
    expect(match.reasons).toEqual(reasons);
    expect(match.likelyDuplicate).toBe(duplicate);
  });

  it("§VI the issue's case scores as the whole name does, no longer 0.67", () => {
    const without = matchQuery({ name: 'Juan Dela Cruz', birthDate: born }, juan);
    const whole = matchQuery({ name: 'Juan Santos Dela Cruz', birthDate: born }, juan);
    expect(without.score).toBe(1);
    expect(whole.score).toBe(1);
    expect(without.score).toBeGreaterThanOrEqual(likelyDuplicateScore);
  });

  it('§VI ranks the record whose middle name was typed above one where it was left out', () => {
    const typed = matchQuery({ name: 'Juan Santos Dela Cruz' }, juan).score;
    const leftOut = matchQuery({ name: 'Juan Dela Cruz' }, juan).score;
    expect(typed).toBeGreaterThan(leftOut);
  });

  it.each([
    'Juan',
    'Dela Cruz',
    'Santos',
    'Juan Dela Crus',
    'Dumaguing Liway',
    'Cruz Juan',
    'Juan Miguel Dela Cruz',
  ])('§VI a name found says why: "%s"', (name) => {
    const record = name.startsWith('Dumaguing')
      ? { ...juan, lastName: 'Dumaguing', firstName: 'Liwai', middleName: null }
      : juan;
    const match = matchQuery({ name }, record);
    expect(match.score).toBeGreaterThan(0);
    expect(match.reasons.length).toBeGreaterThan(0);
  });

  it('§VI a stranger finds no reason', () => {
    const match = matchQuery({ name: 'Jose Rizal' }, juan);
    expect(match.reasons).toEqual([]);
    expect(match.likelyDuplicate).toBe(false);
  });
});
