// The ids clients send, each kind with one shape and one rule, read in one place: a malformed id is
// bad input naming its field before anything is looked up.
import { badUserInput } from './errors.js';

const kinds = {
  // bigserial keys: up to 18 digits stay inside a PostgreSQL bigint.
  learner: { shape: /^\d{1,18}$/, rule: 'ID_INVALID', says: 'is not an id' },
  enrollment: { shape: /^\d{1,18}$/, rule: 'ID_INVALID', says: 'is not an id' },
  merge: { shape: /^\d{1,18}$/, rule: 'ID_INVALID', says: 'is not an id' },
  import: { shape: /^\d{1,18}$/, rule: 'ID_INVALID', says: 'is not an id' },
  transfer: { shape: /^\d{1,18}$/, rule: 'ID_INVALID', says: 'is not an id' },
  // integer keys of the reference data: up to 9 digits stay inside a PostgreSQL integer.
  region: { shape: /^\d{1,9}$/, rule: 'ID_INVALID', says: 'is not an id' },
  division: { shape: /^\d{1,9}$/, rule: 'ID_INVALID', says: 'is not an id' },
  district: { shape: /^\d{1,9}$/, rule: 'ID_INVALID', says: 'is not an id' },
  // uuid keys.
  account: {
    shape: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    rule: 'ID_INVALID',
    says: 'is not an id',
  },
  // DepEd's School ID: always 6 digits.
  school: { shape: /^\d{6}$/, rule: 'SCHOOL_ID_FORMAT', says: 'must be 6 digits' },
} as const;

export type IdKind = keyof typeof kinds;

/** Whether `value` has the shape of a `kind` id (for lookups that answer null on a bad id). */
export function isId(kind: IdKind, value: string): boolean {
  return kinds[kind].shape.test(value);
}

/** The id as given, or bad input naming `field` and the kind's rule. */
export function checkId(kind: IdKind, value: string, field: string): string {
  const { shape, rule, says } = kinds[kind];
  if (!shape.test(value)) throw badUserInput(field, rule, `${field} ${says}`);
  return value;
}

/** An integer-keyed id (region, division, district, school) as a number. */
export function numericId(
  kind: 'region' | 'division' | 'district' | 'school',
  value: string,
  field: string,
) {
  return Number(checkId(kind, value, field));
}

/** A list of integer-keyed ids as numbers; null when none is given (no filter). */
export function numericIds(
  kind: 'region' | 'division' | 'school',
  values: readonly string[] | null | undefined,
  field: string,
): number[] | null {
  if (!values || values.length === 0) return null;
  return values.map((value) => numericId(kind, value, field));
}

/** Two database ids (bigint text) in the order they were made: the older first. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
