import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { createApolloClient } from '../../apollo.js';
import { wordsOfCode } from './code-words.js';
import { plainText, type PlainMessage, toPlainMessage } from './plain-message.js';

// Issue 21: "messages in plain words with the code kept for support in a detail line".

const refused = (...errors: { message: string; extensions: Record<string, unknown> }[]) =>
  new CombinedGraphQLErrors({ data: null, errors });

const answer = (status: number, body: string) =>
  new ServerError('Response not successful', {
    response: new Response(body, { status }),
    bodyText: body,
  });

/** A code, an operation's name, a field's path or a browser's error: what no words may hold. */
const jargon = /[A-Z]{2,}_[A-Z]|\b[a-z]+[A-Z][a-zA-Z]*\b|input\.|Failed to fetch/;

describe('toPlainMessage: any failed request in words, the codes apart', () => {
  it.each<[string, unknown, Partial<PlainMessage> & { words?: RegExp }]>([
    [
      'a field refused by a rule: its label and the rule in words, the day named',
      refused({
        message: 'birthDate: DATE_IN_FUTURE',
        extensions: { code: 'BAD_USER_INPUT', field: 'birthDate', rule: 'DATE_IN_FUTURE' },
      }),
      {
        text: null,
        fields: [
          {
            field: 'birthDate',
            rule: 'DATE_IN_FUTURE',
            message: 'Birth date cannot be later than today, 20 November 2027',
          },
        ],
        detail: 'Code: DATE_IN_FUTURE (birthDate)',
        retryable: false,
      },
    ],
    [
      'a name with a digit',
      refused({
        message: 'Invalid input: input.firstName: NAME_CHARACTERS',
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'input.firstName',
          rule: 'NAME_CHARACTERS',
          errors: [{ field: 'input.firstName', rule: 'NAME_CHARACTERS' }],
        },
      }),
      { detail: 'Code: NAME_CHARACTERS (firstName)' },
    ],
    [
      'a wrong password',
      refused({
        message: 'Invalid username or password',
        extensions: { code: 'UNAUTHENTICATED', rule: 'CREDENTIALS_INVALID' },
      }),
      {
        text: 'The username or the password is wrong.',
        detail: 'Code: UNAUTHENTICATED/CREDENTIALS_INVALID',
      },
    ],
    [
      "the day's look-ups used up, the quota named",
      refused({
        message: "This would show 3 learner(s) outside your place beyond today's 300",
        extensions: { code: 'RATE_LIMITED', rule: 'LOOKUPS_PER_DAY', quota: 300 },
      }),
      { words: /than the 300 a day allows: ask your division/ },
    ],
    [
      'already enrolled, the school named, no operation',
      refused({
        message: 'A move during the year goes through moveLearner.',
        extensions: {
          code: 'ALREADY_ENROLLED',
          field: 'input.learnerId',
          schoolName: 'La Paz Integrated School',
          schoolId: '500743',
          status: 'OFFICIALLY_ENROLLED',
        },
      }),
      { words: /already enrolled this school year at La Paz Integrated School \(500743\)/ },
    ],
    [
      'a code this screen does not know: the server’s own sentence',
      refused({ message: 'The calendar is locked for audit.', extensions: { code: 'LOCKED' } }),
      { text: 'The calendar is locked for audit.', detail: 'Code: LOCKED' },
    ],
    [
      'a server failure may be retried',
      refused({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
      { retryable: true, detail: 'Code: INTERNAL_SERVER_ERROR', words: /tell support the code/ },
    ],
    [
      'a refusal in an HTTP error (429)',
      answer(
        429,
        JSON.stringify({
          errors: [
            {
              message: 'slow down',
              extensions: { code: 'RATE_LIMITED', rule: 'LOGIN_PER_MINUTE' },
            },
          ],
        }),
      ),
      { text: 'Too many attempts to sign in: wait a minute, then try again.' },
    ],
    [
      'a gateway that answered without GraphQL',
      answer(502, '<html>Bad Gateway</html>'),
      { detail: 'Code: HTTP_502', retryable: true, unreachable: false, words: /could not answer/ },
    ],
    [
      'no connection',
      new TypeError('Failed to fetch'),
      {
        text: 'The server could not be reached: check the connection, then try again.',
        detail: 'Code: NETWORK_ERROR',
        retryable: true,
        unreachable: true,
      },
    ],
  ])('%s', (_, error, expected) => {
    const { words, ...fields } = expected;
    const message = toPlainMessage(error, { today: '2027-11-20' });
    expect(message).toMatchObject(fields);
    const shown = [message.text, ...message.fields.map((f) => f.message)].join(' ');
    if (words) expect(shown).toMatch(words);
    expect(shown).not.toMatch(jargon);
  });

  it.each([
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'OUTSIDE_SCOPE',
    'RATE_LIMITED',
    'ALREADY_ENROLLED',
    'LEARNER_MERGED',
    'STALE_UPDATE',
    'IDEMPOTENCY_KEY_REUSED',
    'DUPLICATE_SUSPECTED',
    'SERVICE_UNAVAILABLE',
  ])('%s has words of its own, with no code in them', (code) => {
    const words = wordsOfCode(code);
    expect(words).toBeTruthy();
    expect(words).not.toMatch(jargon);
  });

  it('every GraphQL error’s message is its words once the client is made (apollo.ts)', () => {
    createApolloClient();
    const error = refused({
      message: 'Invalid input: input.firstName: NAME_CHARACTERS',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.firstName', rule: 'NAME_CHARACTERS' },
    });
    expect(error.message).toMatch(/^First name may have only letters/);
    expect(error.message).toBe(plainText(error.errors));
    expect(error.errors[0]!.extensions!.rule).toBe('NAME_CHARACTERS');
  });
});
