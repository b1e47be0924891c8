import { type FieldError, toCivilDate } from './learner-profile.js';

/**
 * The dates a request gives, checked before any rule of the policy is judged: each must be a real
 * day (`DATE_INVALID`) and not after today (`DATE_IN_FUTURE`), since every date the order asks a
 * school to record is of something that has happened: a registration (§V.A), an enrolment, a first
 * attendance (§V.B), a document received (§V.C), a move or a leaving (§V.E). A date the policy
 * cannot place is malformed input, not a late enrolment or a missed cut-off: judging those on it
 * would answer with the wrong field and the wrong rule. Absent dates (null, undefined) are skipped.
 */
export function checkGivenDates(
  dates: Readonly<Record<string, string | null | undefined>>,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(dates)) {
    if (value === null || value === undefined) continue;
    if (!toCivilDate(value)) errors.push({ field, code: 'DATE_INVALID' });
    else if (value > today) errors.push({ field, code: 'DATE_IN_FUTURE' });
  }
  return errors;
}
