import { Role } from '@repo/domain/access';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Account } from '../auth/auth.type.js';

@InputType({ description: 'The place an account covers: the one its role needs (issue 20).' })
export class AccountPlaceInput {
  @Field(() => ID, { nullable: true, description: 'For school roles: the School ID.' })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For the division monitoring team.' })
  divisionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For regional planners.' })
  regionId?: string | null;
}

@InputType({ description: 'A new account; the user sets its password with a one-time code.' })
export class NewAccountInput extends AccountPlaceInput {
  @Field({ description: '3 to 60 lower-case letters, digits, dots, hyphens or underscores.' })
  username: string;

  @Field()
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String, { nullable: true, description: 'For single sign-on.' })
  email?: string | null;
}

@InputType({ description: 'Another role or place for an account (its sessions end).' })
export class AccountAccessInput extends AccountPlaceInput {
  @Field(() => Role)
  role: Role;
}

@ObjectType({
  description:
    'An account and the one-time code that sets its password: shown once, never stored in clear.',
})
export class AccountSetup {
  @Field(() => Account)
  account: Account;

  @Field()
  setupCode: string;

  @Field()
  setupCodeExpiresAt: Date;
}

@ObjectType({ description: 'A page of the accounts you manage.' })
export class AccountPage {
  @Field(() => Int)
  total: number;

  @Field(() => [Account])
  items: Account[];
}

@ObjectType({ description: 'Something done to an account, from the audit trail.' })
export class AccountEvent {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field({
    description:
      'ACCOUNT_CREATED, ACCOUNT_DISABLED, ACCOUNT_ENABLED, ACCOUNT_PASSWORD_RESET, ACCOUNT_ACCESS_CHANGED, ACCOUNT_PASSWORD_SET',
  })
  action: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who did it; null for the user setting a password with a code, or a command.',
  })
  actor: string | null;

  @Field()
  username: string;

  @Field(() => Role, { nullable: true })
  role: Role | null;
}
