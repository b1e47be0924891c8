import { BirthDocumentType } from './enums.js';

/** A rule a field broke: the field's name and a stable code (STYLE: expected failures are values). */
export interface FieldError {
  field: string;
  code: string;
}

export interface LearnerProfileInput {
  lastName?: string | null;
  firstName?: string | null;
  middleName?: string | null;
  extensionName?: string | null;
  birthDate?: string | null;
  isIndigenous?: boolean | null;
  ipCommunity?: string | null;
  birthDocumentType?: string | null;
  birthDocumentReceivedOn?: string | null;
}

const maxNameLength = 100;
/** Letters of any script (ñ, accents), spaces, dots, apostrophes and hyphens. */
/**
 * Letters of any script, with spaces, apostrophes, hyphens and periods only between letters (a
 * closing period for "Ma."): "O'Brien", "Dela Cruz", "Ma. Cristina", never "-" or "'" alone or
 * leading (issue 19: such a name opened a spreadsheet formula).
 */
const nameCharacters = /^\p{L}\p{M}*(?:[ .'-]*[\p{L}\p{M}])*\.?$/u;
const extensions = ['JR', 'SR', 'II', 'III', 'IV', 'V'];
/** The oldest birth date accepted: ALS serves adults too, so a century back. */
const maxAgeYears = 100;

/** A real calendar date written YYYY-MM-DD, or null. */
export function toCivilDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const real =
    date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real ? value : null;
}

function checkName(
  errors: FieldError[],
  field: string,
  value: string | null | undefined,
  required: boolean,
) {
  const text = value?.trim() ?? '';
  if (!text) {
    if (required) errors.push({ field, code: 'REQUIRED' });
    return;
  }
  if (text.length > maxNameLength) errors.push({ field, code: 'TOO_LONG' });
  else if (!nameCharacters.test(text)) errors.push({ field, code: 'NAME_CHARACTERS' });
}

function checkDate(
  errors: FieldError[],
  field: string,
  value: string,
  asOf: string,
  notBefore?: string,
) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return errors.push({ field, code: 'DATE_FORMAT' });
  if (!toCivilDate(value)) return errors.push({ field, code: 'DATE_INVALID' });
  if (value > asOf) return errors.push({ field, code: 'DATE_IN_FUTURE' });
  if (notBefore && value < notBefore) errors.push({ field, code: 'DATE_TOO_EARLY' });
}

/**
 * The learner profile of the Basic Education Enrollment Form (DO 03 s. 2018 §V.A, Annex 2; SPEC §3),
 * checked before anything is saved. `partial` checks only the fields given (an update), leaving
 * rules between fields to a check of the whole record after the change.
 */
export function validateLearnerProfile(
  input: LearnerProfileInput,
  asOf: string,
  partial = false,
): FieldError[] {
  const errors: FieldError[] = [];
  const has = (key: keyof LearnerProfileInput) => !partial || input[key] !== undefined;
  if (has('lastName')) checkName(errors, 'lastName', input.lastName, true);
  if (has('firstName')) checkName(errors, 'firstName', input.firstName, true);
  if (has('middleName')) checkName(errors, 'middleName', input.middleName, false);
  if (input.extensionName?.trim()) {
    const suffix = input.extensionName.replace(/\./g, '').trim().toUpperCase();
    if (!extensions.includes(suffix))
      errors.push({ field: 'extensionName', code: 'EXTENSION_UNKNOWN' });
  }
  const earliest = `${Number(asOf.slice(0, 4)) - maxAgeYears}${asOf.slice(4)}`;
  if (has('birthDate')) {
    if (!input.birthDate) errors.push({ field: 'birthDate', code: 'REQUIRED' });
    else checkDate(errors, 'birthDate', input.birthDate, asOf, earliest);
  }
  if (input.ipCommunity?.trim() && input.isIndigenous === false) {
    errors.push({ field: 'ipCommunity', code: 'IP_COMMUNITY_WITHOUT_IP' });
  }
  // §V.A: a birth document is one of three kinds, received on or after the birth.
  if (input.birthDocumentType != null) {
    if (!Object.values<string>(BirthDocumentType).includes(input.birthDocumentType)) {
      errors.push({ field: 'birthDocumentType', code: 'NOT_A_BIRTH_DOCUMENT' });
    }
    if (!input.birthDocumentReceivedOn && !partial) {
      errors.push({ field: 'birthDocumentReceivedOn', code: 'REQUIRED' });
    }
  }
  if (input.birthDocumentReceivedOn) {
    if (input.birthDocumentType == null && !partial) {
      errors.push({ field: 'birthDocumentType', code: 'REQUIRED' });
    }
    checkDate(
      errors,
      'birthDocumentReceivedOn',
      input.birthDocumentReceivedOn,
      asOf,
      input.birthDate ?? undefined,
    );
  }
  return errors;
}
