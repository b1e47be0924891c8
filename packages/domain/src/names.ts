/**
 * Names for establishing a learner's uniqueness (DO 03 s. 2018 §VI: "A learner's uniqueness must
 * always be established before creating a new LRN"). Two records of one child rarely match to the
 * letter: accents, ñ, spacing of "Dela Cruz", "Ma." for Maria, suffixes, first and middle names
 * entered the other way round, and day and month of birth swapped all occur.
 */

export interface PersonName {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  extensionName?: string | null;
}

/** Common abbreviations written out, so "Ma. Cristina" and "Maria Cristina" agree. */
const abbreviations: Record<string, string> = {
  ma: 'maria',
  sto: 'santo',
  sta: 'santa',
  fco: 'francisco',
};

/** Surname particles joined to what follows: "De la Cruz", "Dela Cruz" and "Delacruz" agree. */
const particles = new Set([
  'de',
  'del',
  'dela',
  'delos',
  'las',
  'los',
  'la',
  'san',
  'sta',
  'santa',
  'santo',
  'sto',
  'van',
  'von',
  'di',
  'da',
]);

/** Name suffixes: kept apart from the name (they are the extension, e.g. "Jr."). */
const suffixes = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'v']);

/** Lower case, no accents (ñ → n), letters and single spaces only; hyphens and dots become spaces. */
export function toPlainLetters(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One name part normalised: abbreviations expanded, suffixes dropped, particles joined. */
export function normalizeNamePart(value: string | null | undefined): string {
  if (!value) return '';
  const words = toPlainLetters(value)
    .split(' ')
    .filter((word) => word !== '' && !suffixes.has(word))
    .map((word) => abbreviations[word] ?? word);
  const joined: string[] = [];
  let pending = '';
  for (const word of words) {
    if (particles.has(word)) {
      pending += word;
    } else {
      joined.push(pending + word);
      pending = '';
    }
  }
  if (pending) joined.push(pending);
  return joined.join(' ');
}

/** The suffix of a name, wherever it was typed ("Jr.", "JR", "III"), or ''. */
export function toExtension(name: PersonName): string {
  const all = [name.extensionName, name.firstName, name.lastName, name.middleName]
    .map((part) => toPlainLetters(part ?? ''))
    .join(' ')
    .split(' ');
  return all.find((word) => suffixes.has(word)) ?? '';
}

/**
 * The search key stored beside a learner and matched with trigrams: "last first middle",
 * normalised. The same function makes the stored key and the searched one.
 */
export function toNameKey(name: PersonName): string {
  return [name.lastName, name.firstName, name.middleName]
    .map(normalizeNamePart)
    .filter(Boolean)
    .join(' ');
}

/** Trigrams as PostgreSQL's pg_trgm makes them: each word padded, two spaces before, one after. */
function trigrams(value: string): Set<string> {
  const grams = new Set<string>();
  for (const word of value.split(' ').filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** Trigram similarity from 0 to 1, as pg_trgm's similarity(): shared over all distinct trigrams. */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return shared / (x.size + y.size - shared);
}
