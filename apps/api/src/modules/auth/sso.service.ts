import { accountRefusal, type SsoRefusal, verifiedEmail } from '@repo/domain/sign-in';
import { type DataSource } from 'typeorm';
import { audit } from '../audit/audit.service.js';
import { AccountEntity } from './account.entity.js';
import { type SignIn, startSession, toViewerScope } from './auth.service.js';
import { type Viewer } from './viewer.js';

/** What the OpenID provider says of the person who signed in there. */
export interface SsoIdentity {
  /** The provider's `sub`: kept in the audit trail, never used to find the account. */
  subject: string;
  email?: unknown;
  email_verified?: unknown;
}

export type SsoOutcome =
  | { ok: true; signIn: SignIn }
  | {
      ok: false;
      reason: Extract<SsoRefusal, 'EMAIL_NOT_VERIFIED' | 'NOT_PROVISIONED' | 'ACCOUNT_DISABLED'>;
      /** The verified address that found no usable account, for the sign-in page to name. */
      email: string | null;
    };

/**
 * Signs in the account an administrator provisioned with the provider's verified e-mail address
 * (packages/domain/src/sign-in.ts): single sign-on authenticates, it never creates an account or
 * enables one. Both the sign-in and a refusal are audited (`SSO_SIGNED_IN`,
 * `SSO_SIGN_IN_REFUSED`), outside the accounts screens' ACCOUNT_* changes.
 */
export function signInBySso(
  dataSource: DataSource,
  identity: SsoIdentity,
  clientAddress: string | null,
): Promise<SsoOutcome> {
  const email = verifiedEmail(identity);
  return dataSource.transaction(async (manager) => {
    const refuse = async (
      reason: Extract<SsoOutcome, { ok: false }>['reason'],
      account: AccountEntity | null,
    ): Promise<SsoOutcome> => {
      await audit(manager, null, {
        action: 'SSO_SIGN_IN_REFUSED',
        entity: 'account',
        entityId: account?.id ?? null,
        // The address as the provider gave it when it vouched for none, for whoever looks into it.
        after: { reason, email: email ?? claimed(identity.email), subject: identity.subject },
      });
      return { ok: false, reason, email };
    };
    if (!email) return refuse('EMAIL_NOT_VERIFIED', null);
    // Accounts keep their address lower-case (account-rules.ts checkEmail): the unique index finds it.
    const account = await manager.getRepository(AccountEntity).findOneBy({ email });
    const refusal = accountRefusal(account && { disabled: account.disabledAt !== null });
    if (refusal || !account) return refuse(refusal ?? 'NOT_PROVISIONED', account);
    const signIn = await startSession(manager, account, clientAddress);
    await audit(manager, viewerOf(account), {
      action: 'SSO_SIGNED_IN',
      entity: 'account',
      entityId: account.id,
      after: { username: account.username, email, subject: identity.subject },
    });
    return { ok: true, signIn };
  });
}

function claimed(email: unknown): string | null {
  return typeof email === 'string' ? email.slice(0, 254) : null;
}

function viewerOf(account: AccountEntity): Viewer {
  return {
    accountId: account.id,
    username: account.username,
    role: account.role as Viewer['role'],
    scope: toViewerScope(account),
  };
}
