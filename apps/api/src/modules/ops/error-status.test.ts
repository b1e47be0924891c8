import { type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { responseStatus } from './error-status.js';

// Issue 19: a client's mistake is a 4xx by its code (client-mistakes.test.ts sends them over
// HTTP); the table here is the rule for each shape of answer.
const error = (code: string): GraphQLFormattedError => ({ message: code, extensions: { code } });

describe('the HTTP status of an answer with errors (issue 19)', () => {
  it.each<[string, GraphQLFormattedError[], Record<string, unknown> | null, number | undefined]>([
    ['no errors', [], { a: 1 }, undefined],
    ['bad input, no data', [error('BAD_USER_INPUT')], null, 400],
    ['bad input, the root field null', [error('BAD_USER_INPUT')], { learner: null }, 400],
    ['not found', [error('NOT_FOUND')], null, 404],
    ['a kind of not found', [error('MERGE_NOT_FOUND')], null, 404],
    ['outside the scope', [error('OUTSIDE_SCOPE')], null, 403],
    ['a rule refuses it as things stand', [error('ALREADY_ENROLLED')], null, 409],
    ['a stale edit', [error('STALE_UPDATE')], null, 409],
    ['two refusals: the first one', [error('BAD_USER_INPUT'), error('NOT_FOUND')], null, 400],
    ['partial data stays 200', [error('BAD_USER_INPUT')], { a: 1, b: null }, undefined],
    ['a fault of ours stays as it is', [error('INTERNAL_SERVER_ERROR')], null, undefined],
    [
      'a fault beside a refusal',
      [error('NOT_FOUND'), error('INTERNAL_SERVER_ERROR')],
      null,
      undefined,
    ],
    ['no code at all', [{ message: 'x' }], null, undefined],
    ['the database away, even with data', [error('SERVICE_UNAVAILABLE')], { a: 1 }, 503],
  ])('%s', (_, errors, data, status) => {
    expect(responseStatus(errors, data)).toBe(status);
  });
});
