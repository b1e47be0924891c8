import { Role, ScopeKind } from '@repo/domain/access';
import { Field, ID, ObjectType } from 'type-graphql';
import { type AccountEntity } from './account.entity.js';

@ObjectType({ description: 'A user account and the place it covers.' })
export class Account {
  @Field(() => ID)
  id: string;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field(() => ScopeKind)
  scopeKind: ScopeKind;

  @Field(() => String, {
    nullable: true,
    description: 'The e-mail that single sign-on maps to this account.',
  })
  email: string | null;

  @Field({ description: 'Disabled: it cannot sign in, and its sessions have ended.' })
  disabled: boolean;

  @Field({
    description: 'No password yet, or reset: the user sets one with the one-time code.',
  })
  awaitingPassword: boolean;

  @Field(() => Date, { nullable: true })
  lastSignInAt: Date | null;

  @Field(() => Date)
  createdAt: Date;

  /** Resolved to School, Division or Region by the resolver. */
  schoolId: number | null;
  divisionId: number | null;
  regionId: number | null;
}

@ObjectType({ description: 'A session and its current access token (issue 18).' })
export class LoginResult {
  @Field(() => String, {
    nullable: true,
    description:
      'Send as `Authorization: Bearer <token>`. Null when the session was put in a cookie (`login(cookie: true)`): no script sees it.',
  })
  token: string | null;

  @Field({ description: 'When this access token expires: renew the session before then.' })
  expiresAt: Date;

  @Field({ description: 'When the session ends at the latest: then sign in again.' })
  sessionExpiresAt: Date;

  @Field(() => Account)
  account: Account;
}

export function toAccount(entity: AccountEntity, scopeKind: ScopeKind): Account {
  return Object.assign(new Account(), {
    id: entity.id,
    email: entity.email,
    disabled: entity.disabledAt !== null,
    awaitingPassword: entity.passwordHash === null,
    lastSignInAt: entity.lastSignInAt,
    createdAt: entity.createdAt,
    username: entity.username,
    displayName: entity.displayName,
    role: entity.role as Role,
    scopeKind,
    schoolId: entity.schoolId,
    divisionId: entity.divisionId,
    regionId: entity.regionId,
  });
}
