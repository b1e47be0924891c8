import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { type FieldProblem, toPlainMessage } from '../messages/plain-message.js';
import { type RuleDates } from './enrollment-labels.js';

export type { FieldProblem };

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
  /** Shown at the top of the form, in words; a network failure says the form was kept. */
  general: string | null;
  /** The codes, for support, in small print under the words (issue 21). */
  detail: string | null;
  /** The server was not reached or failed: the same request may be retried. */
  retryable: boolean;
}

/**
 * Reads an Apollo error into what the form shows beside each field (issue 8), in words with the
 * codes kept apart (the dashboard's one reading, `toPlainMessage`); `dates` lets a refusal about a
 * date name the day it means.
 */
export function toFormFailure(error: unknown, dates: RuleDates = {}): FormFailure {
  const message = toPlainMessage(error, dates);
  const suspected = CombinedGraphQLErrors.is(error)
    ? error.errors.find((e) => e.extensions?.code === 'DUPLICATE_SUSPECTED')
    : undefined;
  const duplicates = (suspected?.extensions?.candidates ?? []) as DuplicateCandidate[];
  return {
    fields: message.fields,
    duplicates,
    // The duplicates are shown with their own warning; their refusal needs no other words.
    general: suspected
      ? null
      : message.unreachable
        ? `${message.text} Nothing you typed is lost.`
        : message.text,
    detail: message.detail,
    retryable: message.retryable,
  };
}

export const noFailure: FormFailure = {
  fields: [],
  duplicates: [],
  general: null,
  detail: null,
  retryable: false,
};

/** The first problem of a field, for the message under it. */
export function problemOf(failure: FormFailure, field: string): string | undefined {
  return failure.fields.find((f) => f.field === field)?.message;
}
