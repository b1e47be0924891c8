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
  /** A search typed the first and last names exactly, without the stored middle name. */
  SAME_FIRST_AND_LAST_NAME: 'SAME_FIRST_AND_LAST_NAME',
  SAME_FIRST_NAME: 'SAME_FIRST_NAME',
  SAME_MIDDLE_NAME: 'SAME_MIDDLE_NAME',
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

/** Two words this alike (trigrams) are one word misspelt: "Liway" and "Liwai" are 0.5. */
const misspeltWord = 0.45;

const wordsOf = (value: string | null | undefined) =>
  normalizeNamePart(value).split(' ').filter(Boolean);

/** How the typed words met a stored name's parts, and what that costs. */
interface NameFit {
  /** 0 to 1. */
  score: number;
  reasons: MatchReason[];
}

/**
 * The typed words matched against the stored name's parts, as a registrar reads a name (issue
 * 21): each typed word pairs with the stored word most like it, in any order, and the name
 * scores what the pairs share over what either side left unpaired. The first and last names
 * count whole; the middle name counts when it was typed, and costs nothing when it was not and
 * the birth date agrees (people type "Juan Dela Cruz" for Juan Santos Dela Cruz; DO 03 s. 2018
 * §VI asks for the learner's uniqueness, and the birth date carries it then). Without a birth
 * date that agrees, a middle name left out costs half a word. A record without a middle name
 * takes one unpaired typed word as the middle name it lacks, at the same cost; any other typed
 * word that pairs with nothing costs a whole word ("Juan Miguel Dela Cruz" is not Juan Santos).
 */
function fitName(typed: string, candidate: PersonName, birthAgrees: boolean): NameFit {
  const words = wordsOf(typed);
  const stored = [
    ...wordsOf(candidate.lastName).map((word) => ({ word, part: 'last' as const })),
    ...wordsOf(candidate.firstName).map((word) => ({ word, part: 'first' as const })),
    ...wordsOf(candidate.middleName).map((word) => ({ word, part: 'middle' as const })),
  ];
  const pairs = words
    .flatMap((w, t) => stored.map((s, i) => ({ t, i, alike: trigramSimilarity(w, s.word) })))
    .filter((p) => p.alike >= misspeltWord)
    .sort((a, b) => b.alike - a.alike);
  const typedUsed = new Set<number>();
  const alikeOf = new Map<number, number>();
  for (const p of pairs) {
    if (typedUsed.has(p.t) || alikeOf.has(p.i)) continue;
    typedUsed.add(p.t);
    alikeOf.set(p.i, p.alike);
  }
  const middles = stored.filter((s) => s.part === 'middle').length;
  const missingCost = birthAgrees ? 0 : 0.5;
  let unpaired = words.length - typedUsed.size;
  let cost = 0;
  const typedMiddle = middles === 0 && unpaired > 0;
  if (typedMiddle) {
    unpaired -= 1;
    cost += missingCost;
  }
  let shared = 0;
  stored.forEach((s, i) => {
    const alike = alikeOf.get(i);
    if (alike !== undefined) {
      shared += alike;
      cost += 1;
    } else cost += s.part === 'middle' ? missingCost : 1;
  });
  cost += unpaired;
  const score = cost === 0 ? 0 : Math.min(1, shared / cost);

  const exact = (part: 'last' | 'first' | 'middle') =>
    stored.some((s) => s.part === part) &&
    stored.every((s, i) => s.part !== part || alikeOf.get(i) === 1);
  const noneTyped = stored.every((s, i) => s.part !== 'middle' || !alikeOf.has(i));
  const reasons: MatchReason[] = [];
  const firstAndLast = exact('last') && exact('first') && unpaired === 0;
  if (firstAndLast && !typedMiddle && (middles === 0 || exact('middle')))
    reasons.push(MatchReason.SAME_NAME);
  else if (firstAndLast && noneTyped) reasons.push(MatchReason.SAME_FIRST_AND_LAST_NAME);
  else {
    if (score >= 0.5) reasons.push(MatchReason.SIMILAR_NAME);
    if (exact('last')) reasons.push(MatchReason.SAME_LAST_NAME);
    if (exact('first')) reasons.push(MatchReason.SAME_FIRST_NAME);
    if (middles > 0 && exact('middle')) reasons.push(MatchReason.SAME_MIDDLE_NAME);
  }
  return { score, reasons };
}

/** The birth date asked for against the candidate's: 1 the same, 0.85 day and month swapped. */
function fitBirthDate(asked: string, found: string): { birth: number; reason: MatchReason } {
  if (found === asked) return { birth: 1, reason: MatchReason.SAME_BIRTH_DATE };
  if (isDayMonthSwap(found, asked))
    return { birth: 0.85, reason: MatchReason.BIRTH_DAY_MONTH_SWAPPED };
  return { birth: 0, reason: MatchReason.DIFFERENT_BIRTH_DATE };
}

/**
 * A search result's score and reasons (DO 03 s. 2018 §VI: the search learner facility): the typed
 * words against the name's parts (`fitName`), never scoring below the trigram similarity of the
 * whole name with which the registry found it, and the birth date. A name found says why, always.
 */
export function matchQuery(query: LearnerQuery, candidate: PersonRecord): Match {
  if (query.lrn && candidate.lrn === query.lrn) {
    return { score: 1, reasons: [MatchReason.SAME_LRN], likelyDuplicate: true };
  }
  if (query.lrn && candidate.formerLrns?.includes(query.lrn)) {
    return { score: 1, reasons: [MatchReason.FORMER_LRN], likelyDuplicate: true };
  }
  // Only an LRN was asked for, and this is not it.
  if (!query.name && !query.birthDate) return { score: 0, reasons: [], likelyDuplicate: false };
  const birth = query.birthDate ? fitBirthDate(query.birthDate, candidate.birthDate) : null;
  const reasons: MatchReason[] = [];
  let name = 1;
  if (query.name) {
    const fit = fitName(query.name, candidate, birth !== null && birth.birth > 0);
    const whole = trigramSimilarity(normalizeNamePart(query.name), toNameKey(candidate));
    name = Math.max(fit.score, whole);
    reasons.push(...fit.reasons);
    if (reasons.length === 0 && name >= 0.3) reasons.push(MatchReason.SIMILAR_NAME);
  }
  if (birth) reasons.push(birth.reason);
  const score = Math.round(name * (birth ? 0.7 + 0.3 * birth.birth : 1) * 1000) / 1000;
  return { score, reasons, likelyDuplicate: score >= likelyDuplicateScore };
}
