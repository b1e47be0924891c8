import { describe, expect, it } from 'vitest';
import {
  normalizeNamePart,
  toExtension,
  toNameKey,
  toPlainLetters,
  trigramSimilarity,
} from './names.js';

describe('toPlainLetters (DO 03 s. 2018 §VI: uniqueness regardless of accents, case, spacing)', () => {
  it.each([
    ['§VI accents and ñ', 'Niño', 'nino'],
    ['§VI upper case', 'DELA CRUZ', 'dela cruz'],
    ['§VI extra spacing', '  Juan   Miguel ', 'juan miguel'],
    ['§VI hyphens become spaces', 'Santos-Reyes', 'santos reyes'],
    ['§VI dots and apostrophes', "Ma. D'Angelo", 'ma d angelo'],
    ['§VI other accents', 'José Ñoño Peñafrancia', 'jose nono penafrancia'],
  ])('%s: %s → %s', (_, input, expected) => {
    expect(toPlainLetters(input)).toBe(expected);
  });
});

describe('normalizeNamePart (§VI)', () => {
  it.each([
    ['§VI Ma. = Maria', 'Ma. Cristina', 'maria cristina'],
    ['§VI Maria stays', 'Maria Cristina', 'maria cristina'],
    ['§VI Dela Cruz', 'Dela Cruz', 'delacruz'],
    ['§VI De la Cruz', 'De la Cruz', 'delacruz'],
    ['§VI Delacruz', 'Delacruz', 'delacruz'],
    ['§VI Del Rosario', 'Del Rosario', 'delrosario'],
    ['§VI De Guzman', 'de Guzman', 'deguzman'],
    ['§VI Delos Santos', 'Delos Santos', 'delossantos'],
    ['§VI De los Santos', 'De los Santos', 'delossantos'],
    ['§VI Sto. = Santo', 'Sto. Tomas', 'santotomas'],
    ['§VI Sta. = Santa', 'Sta. Maria', 'santamaria'],
    ['§VI Santa Maria', 'Santa Maria', 'santamaria'],
    ['§VI suffix Jr. dropped', 'Jose Jr.', 'jose'],
    ['§VI suffix III dropped', 'Juan III', 'juan'],
    ['§VI empty', '', ''],
    ['§VI null', null, ''],
    ['§VI a particle alone is kept', 'De', 'de'],
  ])('%s: %s → %s', (_, input, expected) => {
    expect(normalizeNamePart(input)).toBe(expected);
  });
});

describe('toExtension (§VI: Jr., Sr., II, III wherever typed)', () => {
  it.each([
    [
      '§VI in the extension field',
      { lastName: 'Cruz', firstName: 'Jose', extensionName: 'Jr.' },
      'jr',
    ],
    ['§VI typed in the first name', { lastName: 'Cruz', firstName: 'Jose JR' }, 'jr'],
    ['§VI roman numeral', { lastName: 'Cruz', firstName: 'Jose', extensionName: 'III' }, 'iii'],
    ['§VI none', { lastName: 'Cruz', firstName: 'Jose' }, ''],
  ])('%s', (_, name, expected) => {
    expect(toExtension(name)).toBe(expected);
  });
});

describe('toNameKey (§VI: the stored and the searched key are made alike)', () => {
  it.each([
    [
      '§VI variants agree',
      { lastName: 'De la Cruz', firstName: 'Ma. Cristina', middleName: 'Santos' },
      { lastName: 'DELA CRUZ', firstName: 'Maria Cristina', middleName: 'santos' },
    ],
    [
      '§VI accents agree',
      { lastName: 'Peña', firstName: 'Niño' },
      { lastName: 'Pena', firstName: 'Nino' },
    ],
    [
      '§VI suffix does not change the key',
      { lastName: 'Cruz', firstName: 'Jose Jr.' },
      { lastName: 'Cruz', firstName: 'Jose' },
    ],
  ])('%s', (_, a, b) => {
    expect(toNameKey(a)).toBe(toNameKey(b));
  });

  it('§VI orders last, first, middle', () => {
    expect(toNameKey({ lastName: 'Reyes', firstName: 'Ana', middleName: 'Lopez' })).toBe(
      'reyes ana lopez',
    );
  });
});

describe('trigramSimilarity (as pg_trgm)', () => {
  it.each([
    ['identical', 'delacruz', 'delacruz', 1],
    ['nothing shared', 'abc', 'xyz', 0],
    ['empty', '', 'abc', 0],
    // pg_trgm: similarity('word', 'two words') = 0.363636
    ['pg_trgm documented example', 'word', 'two words', 0.363636],
  ])('%s', (_, a, b, expected) => {
    expect(trigramSimilarity(a, b)).toBeCloseTo(expected, 5);
  });

  it('§VI tolerates a common misspelling', () => {
    expect(trigramSimilarity('cristina', 'christina')).toBeGreaterThan(0.5);
  });
});
