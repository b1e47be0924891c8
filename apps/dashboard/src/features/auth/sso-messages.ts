import { type SsoRefusal } from '@repo/domain/sign-in';

/** The name of the staff account single sign-on uses, as the sign-in page says it. */
export const ssoAccountName = 'DepEd account';

const administrator = "ask your division's administrator";

/**
 * Why single sign-on did not sign someone in (packages/domain/src/sign-in.ts), in plain words
 * and with what to do next; `email` is the address the provider vouched for, when it gave one.
 */
export function ssoRefusalText(refusal: SsoRefusal, email: string | null): string {
  const you = email ?? 'your e-mail address';
  switch (refusal) {
    case 'SSO_OFF':
      return 'Signing in with a DepEd account is not set up on this server: use your username and password.';
    case 'SSO_UNAVAILABLE':
      return `The ${ssoAccountName} sign-in could not be reached: try again in a few minutes, or use your username and password.`;
    case 'SSO_EXPIRED':
      return 'That sign-in took too long, or was started in another window: try again.';
    case 'SSO_CANCELLED':
      return `The sign-in with your ${ssoAccountName} was cancelled.`;
    case 'SSO_FAILED':
      return `The sign-in with your ${ssoAccountName} did not finish: try again, and if it fails again, ${administrator}.`;
    case 'EMAIL_NOT_VERIFIED':
      return `Your ${ssoAccountName} did not give a verified e-mail address, which is how this site finds your account: ${administrator}.`;
    case 'NOT_PROVISIONED':
      return `No account has been set up for ${you}: ${administrator}.`;
    case 'ACCOUNT_DISABLED':
      return `The account for ${you} is disabled: ${administrator}.`;
  }
}
