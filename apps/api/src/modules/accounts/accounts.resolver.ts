import { scopeKindOf, type Role } from '@repo/domain/access';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type Context } from '../../context.js';
import { takeLogin } from '../../rate-limiter.js';
import { Account, toAccount } from '../auth/auth.type.js';
import {
  accountEvents,
  changeAccount,
  changeAccountAccess,
  createAccount,
  listAccounts,
  setPassword,
} from './accounts.service.js';
import {
  AccountAccessInput,
  AccountEvent,
  AccountPage,
  AccountSetup,
  NewAccountInput,
} from './accounts.type.js';

/** An account as the service answers it (the auth module's entity, which a resolver does not import). */
type AccountEntity = Awaited<ReturnType<typeof changeAccountAccess>>;

const asAccount = (entity: AccountEntity) => toAccount(entity, scopeKindOf[entity.role as Role]);

function asSetup(result: {
  account: AccountEntity;
  setupCode?: string;
  setupCodeExpiresAt?: Date;
}) {
  return Object.assign(new AccountSetup(), {
    account: asAccount(result.account),
    setupCode: result.setupCode!,
    setupCodeExpiresAt: result.setupCodeExpiresAt!,
  });
}

/** Accounts administration (issue 20): each level the accounts of the level below, in its place. */
@Resolver()
export class AccountsResolver {
  @Query(() => AccountPage, { description: 'The accounts you manage, by username.' })
  async accounts(
    @Ctx() { dataSource, viewer }: Context,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('limit', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ): Promise<AccountPage> {
    const page = await listAccounts(dataSource, viewer!, { search, first, offset });
    return Object.assign(new AccountPage(), {
      total: page.total,
      items: page.items.map(asAccount),
    });
  }

  @Query(() => [AccountEvent], {
    description:
      'What was done to accounts in your place, newest first, by you and the levels below.',
  })
  async accountEvents(
    @Ctx() { dataSource, viewer }: Context,
    @Arg('limit', () => Int, { defaultValue: 50 }) first: number,
  ): Promise<AccountEvent[]> {
    const rows = await accountEvents(dataSource, viewer!, first);
    return rows.map((row) => Object.assign(new AccountEvent(), row));
  }

  @Mutation(() => AccountSetup, {
    description: 'Creates an account of a role you manage; answers its one-time code, once.',
  })
  async createAccount(
    @Ctx() { dataSource, viewer }: Context,
    @Arg('input', () => NewAccountInput) input: NewAccountInput,
  ): Promise<AccountSetup> {
    return asSetup(await createAccount(dataSource, viewer!, input));
  }

  @Mutation(() => Account, { description: 'Disables an account: its sessions end at once.' })
  async disableAccount(
    @Ctx() { dataSource, viewer }: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<Account> {
    return asAccount((await changeAccount(dataSource, viewer!, id, 'DISABLE')).account);
  }

  @Mutation(() => Account, { description: 'Enables a disabled account again.' })
  async enableAccount(
    @Ctx() { dataSource, viewer }: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<Account> {
    return asAccount((await changeAccount(dataSource, viewer!, id, 'ENABLE')).account);
  }

  @Mutation(() => AccountSetup, {
    description:
      'Resets a password: the old one stops working, the sessions end, and a new one-time code is answered, once.',
  })
  async resetAccountPassword(
    @Ctx() { dataSource, viewer }: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<AccountSetup> {
    return asSetup(await changeAccount(dataSource, viewer!, id, 'RESET'));
  }

  @Mutation(() => Account, {
    description: 'Gives an account another role or place, both yours to manage; its sessions end.',
  })
  async changeAccountAccess(
    @Ctx() { dataSource, viewer }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('access', () => AccountAccessInput) access: AccountAccessInput,
  ): Promise<Account> {
    return asAccount(await changeAccountAccess(dataSource, viewer!, id, access.role, access));
  }

  @Mutation(() => Boolean, {
    description:
      'Sets your password with the one-time code you were given (at least 12 characters, not easy to guess). Tries are limited as sign-ins are.',
  })
  async setPassword(
    @Ctx() { dataSource, clientAddress, limiter }: Context,
    @Arg('username', () => String) username: string,
    @Arg('code', () => String) code: string,
    @Arg('password', () => String) password: string,
  ): Promise<boolean> {
    if (!(await takeLogin(limiter, username, clientAddress)))
      throw new GraphQLError('Too many tries: wait a minute', {
        extensions: { code: 'RATE_LIMITED', rule: 'LOGIN_PER_MINUTE', http: { status: 429 } },
      });
    await setPassword(dataSource, username, code, password);
    return true;
  }
}
