import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { describeRule, type RuleDates } from '../enrollment/enrollment-labels.js';
import { type RefusalFacts, wordsOfCode } from './code-words.js';

/** A rule one field broke, as the API names it in its error extensions, with its words. */
export interface FieldProblem {
  /** The form's own field name (`input.learner.firstName` → `firstName`). */
  field: string;
  rule: string;
  message: string;
}

/**
 * Any failed request in words (issue 21), the one reading of errors every screen uses: a refusal
 * by its code and rule, each field named by its label, a network failure as the server not being
 * reached. The codes are kept for support in `detail`, never in the words.
 */
export interface PlainMessage {
  /** What happened and what to do; null when every problem belongs to a field. */
  text: string | null;
  /** "Code: DATE_IN_FUTURE (birthDate)": small print, for support. */
  detail: string;
  fields: FieldProblem[];
  /** The server was not reached, or failed: the same request may be sent again. */
  retryable: boolean;
  /** The server was not reached at all (no answer). */
  unreachable: boolean;
}

/** An error of a GraphQL answer, as the server formats it. */
interface ServerRefusal {
  message: string;
  extensions?: Record<string, unknown>;
}

interface Extensions extends RefusalFacts {
  code?: string;
  field?: string;
  errors?: { field: string; rule: string }[];
}

/** `input.learner.firstName` → `firstName`: the form's own field name. */
export const toFieldName = (path: string) => path.split('.').at(-1) ?? path;

const codeOf = (ext: Extensions) =>
  [ext.code ?? 'ERROR', ext.rule].filter((part) => part !== undefined).join('/');

/** The refusals of one answer: fields beside their inputs, the rest in words. */
function fromRefusals(errors: readonly ServerRefusal[], dates: RuleDates): PlainMessage {
  const fields: FieldProblem[] = [];
  const texts: string[] = [];
  const codes: string[] = [];
  for (const error of errors) {
    const ext = (error.extensions ?? {}) as Extensions;
    const listed =
      ext.errors ?? (ext.field && ext.rule ? [{ field: ext.field, rule: ext.rule }] : []);
    for (const { field, rule } of listed) {
      const name = toFieldName(field);
      fields.push({ field: name, rule, message: describeRule(name, rule, undefined, dates) });
      codes.push(`${rule} (${name})`);
    }
    if (listed.length > 0) continue;
    codes.push(codeOf(ext));
    // A code this screen does not know: the server's own sentence, written for people too.
    texts.push(wordsOfCode(ext.code ?? '', ext) ?? error.message);
  }
  const failed = errors.some((e) =>
    ['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'REQUEST_TIMEOUT'].includes(
      String(e.extensions?.code),
    ),
  );
  return {
    text: texts.length > 0 ? [...new Set(texts)].join(' ') : null,
    detail: `Code: ${[...new Set(codes)].join('; ')}`,
    fields,
    retryable: failed,
    unreachable: false,
  };
}

/** The GraphQL errors of an HTTP answer that was not a success (429, 401…), if it holds any. */
function refusalsIn(bodyText: string): ServerRefusal[] | null {
  try {
    const body = JSON.parse(bodyText) as { errors?: ServerRefusal[] };
    return Array.isArray(body.errors) && body.errors.length > 0 ? body.errors : null;
  } catch {
    return null;
  }
}

const noAnswer = (text: string, code: string, unreachable: boolean): PlainMessage => ({
  text,
  detail: `Code: ${code}`,
  fields: [],
  retryable: true,
  unreachable,
});

/**
 * Reads any error of a request into words; `dates` lets a rule about a date name the day it means
 * ("cannot be later than today, 20 November 2027").
 */
export function toPlainMessage(error: unknown, dates: RuleDates = {}): PlainMessage {
  if (CombinedGraphQLErrors.is(error)) return fromRefusals(error.errors, dates);
  if (ServerError.is(error)) {
    const refusals = refusalsIn(error.bodyText);
    if (refusals) return fromRefusals(refusals, dates);
    return noAnswer(
      'The server could not answer: try again in a moment.',
      `HTTP_${error.statusCode}`,
      false,
    );
  }
  if (ServerParseError.is(error)) {
    return noAnswer('The server’s answer could not be read: try again.', 'SERVER_ANSWER', false);
  }
  return noAnswer(
    'The server could not be reached: check the connection, then try again.',
    'NETWORK_ERROR',
    true,
  );
}

const oneLine = (message: PlainMessage) =>
  [message.text, ...message.fields.map((f) => f.message)].filter(Boolean).join(' ');

/** The words of a list of GraphQL errors alone: what an error's `message` becomes (apollo.ts). */
export const plainText = (errors: readonly ServerRefusal[]): string =>
  oneLine(fromRefusals(errors, {}));

/** Any error as one line of words and its detail: what the shared components show. */
export function toErrorWords(error: unknown): { text: string; detail: string } {
  const message = toPlainMessage(error);
  return { text: oneLine(message), detail: message.detail };
}
