import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describeRule, type RuleDates } from './enrollment-labels.js';

/** A rule one field broke, as the API names it in its error extensions. */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export interface DuplicateCandidate {
  learnerId: string;
  lrn: string | null;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  sex: string;
  lastSchoolId: string | null;
  reasons: string[];
}

/** What a failed request means for the form: field problems, duplicates, or a general failure. */
export interface FormFailure {
  fields: FieldProblem[];
  duplicates: DuplicateCandidate[];
  /** Shown at the top of the form; a network failure says the form was kept. */
  general: string | null;
  /** The server was not reached or failed: the same request may be retried. */
  retryable: boolean;
}

/** `input.learner.firstName` → `firstName`: the form's own field name. */
const toFieldName = (path: string) => path.split('.').at(-1) ?? path;

interface Extensions {
  code?: string;
  field?: string;
  rule?: string;
  errors?: { field: string; rule: string }[];
  candidates?: DuplicateCandidate[];
  schoolName?: string;
}

/**
 * Reads an Apollo error into what the form shows beside each field (issue 8); `dates` lets a
 * refusal about a date name the day it means.
 */
export function toFormFailure(error: unknown, dates: RuleDates = {}): FormFailure {
  if (CombinedGraphQLErrors.is(error)) {
    const fields: FieldProblem[] = [];
    const general: string[] = [];
    let duplicates: DuplicateCandidate[] = [];
    for (const e of error.errors) {
      const ext = (e.extensions ?? {}) as Extensions;
      const listed =
        ext.errors ?? (ext.field && ext.rule ? [{ field: ext.field, rule: ext.rule }] : []);
      for (const { field, rule } of listed) {
        const name = toFieldName(field);
        fields.push({ field: name, rule, message: describeRule(name, rule, undefined, dates) });
      }
      if (ext.code === 'DUPLICATE_SUSPECTED') duplicates = ext.candidates ?? [];
      else if (listed.length === 0) general.push(`${e.message}${ext.code ? ` (${ext.code})` : ''}`);
    }
    return { fields, duplicates, general: general.join(' ') || null, retryable: false };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    fields: [],
    duplicates: [],
    general: `The server could not be reached (${message}). Nothing you typed is lost: try again.`,
    retryable: true,
  };
}

export const noFailure: FormFailure = {
  fields: [],
  duplicates: [],
  general: null,
  retryable: false,
};

/** The first problem of a field, for the message under it. */
export function problemOf(failure: FormFailure, field: string): string | undefined {
  return failure.fields.find((f) => f.field === field)?.message;
}
