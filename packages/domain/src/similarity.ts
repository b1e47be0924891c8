import {
  normalizeNamePart,
  type PersonName,
  toExtension,
  toNameKey,
  trigramSimilarity,
} from './names.js';

/**
 * How alike two learner records are, and why (DO 03 s. 2018 §VI: uniqueness before a new LRN;
 * SPEC §3: same or similar name, same birth date, regardless of accents, letter case, spacing,
 * swapped first and middle names, common misspellings). Explains itself with reason codes so a
 * registrar can judge, and so the record of who confirmed a new learner says against what.
 */
export interface PersonRecord extends PersonName {
  birthDate: string;
  sex?: 'MALE' | 'FEMALE' | null;
  lrn?: string | null;
  /** LRNs of records merged into this one: retired, never reused, still the same learner. */
  formerLrns?: readonly string[];
}

export const MatchReason = {
  SAME_LRN: 'SAME_LRN',
  FORMER_LRN: 'FORMER_LRN',
  SAME_NAME: 'SAME_NAME',
  SIMILAR_NAME: 'SIMILAR_NAME',
  SAME_LAST_NAME: 'SAME_LAST_NAME',
  FIRST_MIDDLE_SWAPPED: 'FIRST_MIDDLE_SWAPPED',
  DIFFERENT_EXTENSION: 'DIFFERENT_EXTENSION',
  SAME_BIRTH_DATE: 'SAME_BIRTH_DATE',
  BIRTH_DAY_MONTH_SWAPPED: 'BIRTH_DAY_MONTH_SWAPPED',
  DIFFERENT_BIRTH_DATE: 'DIFFERENT_BIRTH_DATE',
  SAME_SEX: 'SAME_SEX',
  DIFFERENT_SEX: 'DIFFERENT_SEX',
} as const;
export type MatchReason = (typeof MatchReason)[keyof typeof MatchReason];

export interface Match {
  /** 0 (nothing alike) to 1 (the same person by every measure). */
  score: number;
  reasons: MatchReason[];
  /** Worth showing before a new record is created. */
  likelyDuplicate: boolean;
}

/** The threshold above which a candidate is shown as a likely duplicate. */
export const likelyDuplicateScore = 0.72;

interface NameParts {
  last: string;
  first: string;
  middle: string;
}

const parts = (p: PersonName): NameParts => ({
  last: normalizeNamePart(p.lastName),
  first: normalizeNamePart(p.firstName),
  middle: normalizeNamePart(p.middleName),
});

/** Middle names are often missing on one side: only compare them when both have one. */
function nameSimilarity(a: NameParts, b: NameParts): number {
  const last = trigramSimilarity(a.last, b.last);
  const first = trigramSimilarity(a.first, b.first);
  if (!a.middle || !b.middle) return 0.45 * last + 0.55 * first;
  return 0.4 * last + 0.45 * first + 0.15 * trigramSimilarity(a.middle, b.middle);
}

/** "2015-03-07" and "2015-07-03": day and month entered the other way round. */
export function isDayMonthSwap(a: string, b: string): boolean {
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  return a !== b && ya === yb && ma === db && da === mb;
}

export function compareLearners(a: PersonRecord, b: PersonRecord): Match {
  const reasons: MatchReason[] = [];
  if (a.lrn && b.lrn && a.lrn === b.lrn) {
    return { score: 1, reasons: [MatchReason.SAME_LRN], likelyDuplicate: true };
  }

  const x = parts(a);
  const y = parts(b);
  const straight = nameSimilarity(x, y);
  const swapped = nameSimilarity(x, { last: y.last, first: y.middle, middle: y.first });
  const name = Math.max(straight, swapped);
  if (x.last === y.last && x.first === y.first && x.middle === y.middle) {
    reasons.push(MatchReason.SAME_NAME);
  } else if (swapped > straight && x.first === y.middle && x.middle === y.first) {
    reasons.push(MatchReason.FIRST_MIDDLE_SWAPPED);
  } else if (name >= 0.5) {
    reasons.push(MatchReason.SIMILAR_NAME);
  }
  if (x.last === y.last && !reasons.includes(MatchReason.SAME_NAME))
    reasons.push(MatchReason.SAME_LAST_NAME);
  if (toExtension(a) !== toExtension(b)) reasons.push(MatchReason.DIFFERENT_EXTENSION);

  let birth = 0;
  if (a.birthDate === b.birthDate) {
    birth = 1;
    reasons.push(MatchReason.SAME_BIRTH_DATE);
  } else if (isDayMonthSwap(a.birthDate, b.birthDate)) {
    birth = 0.85;
    reasons.push(MatchReason.BIRTH_DAY_MONTH_SWAPPED);
  } else {
    reasons.push(MatchReason.DIFFERENT_BIRTH_DATE);
  }

  let sex = 0.5;
  if (a.sex && b.sex) {
    sex = a.sex === b.sex ? 1 : 0;
    reasons.push(a.sex === b.sex ? MatchReason.SAME_SEX : MatchReason.DIFFERENT_SEX);
  }

  // A junior and his father share a name and often an address: a differing suffix weighs heavily.
  const extensionPenalty = reasons.includes(MatchReason.DIFFERENT_EXTENSION) ? 0.15 : 0;
  // The name scales everything: twins share a birth date, sex and surname but not a first name.
  const score = Math.max(0, name * (0.6 + 0.3 * birth + 0.1 * sex) - extensionPenalty);
  const rounded = Math.round(score * 1000) / 1000;
  return { score: rounded, reasons, likelyDuplicate: rounded >= likelyDuplicateScore };
}

export interface LearnerQuery {
  lrn?: string | null;
  /** Free text in any order: "Dela Cruz, Maria Cristina" or "Maria Cristina Dela Cruz". */
  name?: string | null;
  birthDate?: string | null;
}

/**
 * A search result's score and reasons (DO 03 s. 2018 §VI: the search learner facility). Trigrams
 * ignore word order, so a name typed first-name-first still meets the stored "last first middle".
 */
export function matchQuery(query: LearnerQuery, candidate: PersonRecord): Match {
  if (query.lrn && candidate.lrn === query.lrn) {
    return { score: 1, reasons: [MatchReason.SAME_LRN], likelyDuplicate: true };
  }
  if (query.lrn && candidate.formerLrns?.includes(query.lrn)) {
    return { score: 1, reasons: [MatchReason.FORMER_LRN], likelyDuplicate: true };
  }
  const reasons: MatchReason[] = [];
  // Only an LRN was asked for, and this is not it.
  if (!query.name && !query.birthDate) return { score: 0, reasons, likelyDuplicate: false };
  let name = 0;
  if (query.name) {
    const wanted = normalizeNamePart(query.name);
    const found = toNameKey(candidate);
    name = trigramSimilarity(wanted, found);
    const sameWords = wanted.split(' ').sort().join(' ') === found.split(' ').sort().join(' ');
    if (sameWords) reasons.push(MatchReason.SAME_NAME);
    else if (name >= 0.5) reasons.push(MatchReason.SIMILAR_NAME);
  }
  let birth = 1;
  if (query.birthDate) {
    if (candidate.birthDate === query.birthDate) {
      reasons.push(MatchReason.SAME_BIRTH_DATE);
    } else if (isDayMonthSwap(candidate.birthDate, query.birthDate)) {
      birth = 0.85;
      reasons.push(MatchReason.BIRTH_DAY_MONTH_SWAPPED);
    } else {
      birth = 0;
      reasons.push(MatchReason.DIFFERENT_BIRTH_DATE);
    }
  }
  const nameWeight = query.name ? name : 1;
  const score = Math.round(nameWeight * (query.birthDate ? 0.7 + 0.3 * birth : 1) * 1000) / 1000;
  return { score, reasons, likelyDuplicate: score >= likelyDuplicateScore };
}
