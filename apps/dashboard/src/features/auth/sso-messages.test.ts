import { SsoRefusal } from '@repo/domain/sign-in';
import { describe, expect, it } from 'vitest';
import { ssoRefusalText } from './sso-messages.js';

describe('single sign-on refusals in plain words (issue 20)', () => {
  it.each(Object.values(SsoRefusal))('%s says what happened and what to do', (refusal) => {
    const text = ssoRefusalText(refusal, 'ana.cruz@deped.gov.ph');
    expect(text).toMatch(/^[A-Z].*[a-z.]\.$/);
    expect(text).not.toContain(refusal);
  });

  it('names the address that has no account, or says whose', () => {
    expect(ssoRefusalText('NOT_PROVISIONED', 'ana.cruz@deped.gov.ph')).toBe(
      "No account has been set up for ana.cruz@deped.gov.ph: ask your division's administrator.",
    );
    expect(ssoRefusalText('ACCOUNT_DISABLED', null)).toBe(
      "The account for your e-mail address is disabled: ask your division's administrator.",
    );
  });
});
