import { describe, expect, it } from 'vitest';
import { accountRefusal, isSsoRefusal, verifiedEmail } from './sign-in.js';

describe('the e-mail address single sign-on vouches for (issue 20)', () => {
  it.each<[string, { email?: unknown; email_verified?: unknown }, string | null]>([
    ['verified', { email: 'ana.cruz@deped.gov.ph', email_verified: true }, 'ana.cruz@deped.gov.ph'],
    [
      'verified, in capitals and with spaces: as accounts keep it',
      { email: ' Ana.Cruz@DepEd.gov.ph ', email_verified: true },
      'ana.cruz@deped.gov.ph',
    ],
    ['not verified', { email: 'ana.cruz@deped.gov.ph', email_verified: false }, null],
    [
      'verified as text, not as true',
      { email: 'ana.cruz@deped.gov.ph', email_verified: 'true' },
      null,
    ],
    ['no email_verified claim', { email: 'ana.cruz@deped.gov.ph' }, null],
    ['no e-mail', { email_verified: true }, null],
    ['not an address', { email: 'ana.cruz', email_verified: true }, null],
    [
      'longer than an address may be',
      { email: `${'a'.repeat(250)}@x.ph`, email_verified: true },
      null,
    ],
    ['not text', { email: ['ana.cruz@deped.gov.ph'], email_verified: true }, null],
  ])('%s', (_case, claims, expected) => {
    expect(verifiedEmail(claims)).toBe(expected);
  });
});

describe('who a verified address signs in (issue 20: single sign-on never gives access)', () => {
  it.each<[string, { disabled: boolean } | null, ReturnType<typeof accountRefusal>]>([
    ['an account an administrator provisioned', { disabled: false }, null],
    ['no account with the address', null, 'NOT_PROVISIONED'],
    ['a disabled account', { disabled: true }, 'ACCOUNT_DISABLED'],
  ])('%s', (_case, account, expected) => {
    expect(accountRefusal(account)).toBe(expected);
  });

  it('reads a refusal from a page address, and nothing else', () => {
    expect(isSsoRefusal('NOT_PROVISIONED')).toBe(true);
    expect(isSsoRefusal('toString')).toBe(false);
    expect(isSsoRefusal(null)).toBe(false);
  });
});
