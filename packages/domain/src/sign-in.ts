/**
 * Single sign-on (issue 20): DepEd staff sign in with their institutional account, and the e-mail
 * address the OpenID provider vouches for names the account here that an administrator
 * provisioned. Single sign-on proves who someone is; it never gives access: an address with no
 * account, or with a disabled one, is refused, and the sign-in page says why in plain words.
 */
export const SsoRefusal = {
  /** This server has no single sign-on configured. */
  SSO_OFF: 'SSO_OFF',
  /** The provider could not be reached (or answered nonsense) when the sign-in began. */
  SSO_UNAVAILABLE: 'SSO_UNAVAILABLE',
  /** The sign-in came back without the browser's pending one: too late, or another browser. */
  SSO_EXPIRED: 'SSO_EXPIRED',
  /** The person, or the provider, declined. */
  SSO_CANCELLED: 'SSO_CANCELLED',
  /** The provider's answer could not be checked or exchanged. */
  SSO_FAILED: 'SSO_FAILED',
  /** The provider gave no e-mail address, or one it has not verified. */
  EMAIL_NOT_VERIFIED: 'EMAIL_NOT_VERIFIED',
  /** No account has this e-mail address. */
  NOT_PROVISIONED: 'NOT_PROVISIONED',
  /** The account with this e-mail address is disabled. */
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
} as const;
export type SsoRefusal = (typeof SsoRefusal)[keyof typeof SsoRefusal];

/** Whether a text is one of the refusals (a sign-in page reads it from its address). */
export function isSsoRefusal(text: unknown): text is SsoRefusal {
  return typeof text === 'string' && Object.hasOwn(SsoRefusal, text);
}

/** The longest e-mail address an account keeps (RFC 5321's path limit). */
const emailMaxLength = 254;

/**
 * The e-mail address the provider vouches for, as accounts keep theirs (trimmed, lower-case), or
 * null unless `email_verified` is exactly `true` (OpenID Connect Core §5.1: an address the
 * provider has not verified may belong to anyone who typed it).
 */
export function verifiedEmail(claims: {
  email?: unknown;
  email_verified?: unknown;
}): string | null {
  if (claims.email_verified !== true || typeof claims.email !== 'string') return null;
  const email = claims.email.trim().toLowerCase();
  return email.includes('@') && email.length <= emailMaxLength ? email : null;
}

/** Why the account found for a verified address may not sign in (null: it may). */
export function accountRefusal(
  account: { disabled: boolean } | null,
): typeof SsoRefusal.NOT_PROVISIONED | typeof SsoRefusal.ACCOUNT_DISABLED | null {
  if (!account) return SsoRefusal.NOT_PROVISIONED;
  return account.disabled ? SsoRefusal.ACCOUNT_DISABLED : null;
}
