import { type Role, scopeKindOf } from '@repo/domain/access';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../../context.js';
import { loadParent } from '../../db/by-id-loader.js';
import { Division, toDivision } from '../division/division.type.js';
import { Region, toRegion } from '../region/region.type.js';
import { findSchool } from '../school/school.service.js';
import { School } from '../school/school.type.js';
import { AccountEntity } from './account.entity.js';
import { login, logout, renewSession, type SignIn } from './auth.service.js';
import { Account, LoginResult, toAccount } from './auth.type.js';
import { takeLogin } from '../../rate-limiter.js';
import { badUserInput } from '../../errors.js';

@Resolver(() => Account)
export class AuthResolver {
  @Mutation(() => LoginResult, {
    description:
      'Signs in (SPEC §7): a new session. Tries are limited per username from one client address, and per address.',
  })
  async login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Arg('cookie', () => Boolean, {
      defaultValue: false,
      description:
        'For the dashboard: the session in an HttpOnly, SameSite=Strict cookie (Secure on HTTPS), renewed by the server, and no token in the answer.',
    })
    inCookie: boolean,
    @Ctx() { dataSource, clientAddress, limiter, cookie }: Context,
  ): Promise<LoginResult> {
    if (!(await takeLogin(limiter, username, clientAddress))) {
      throw new GraphQLError('Too many sign-in attempts: wait a minute', {
        extensions: { code: 'RATE_LIMITED', rule: 'LOGIN_PER_MINUTE', http: { status: 429 } },
      });
    }
    const result = await login(dataSource, username.trim(), password, clientAddress);
    if (!result) {
      throw new GraphQLError('Wrong username or password', {
        extensions: { code: 'UNAUTHENTICATED', rule: 'CREDENTIALS_INVALID' },
      });
    }
    if (!inCookie) return toLoginResult(result);
    if (!cookie)
      throw badUserInput('cookie', 'COOKIE_NEEDS_HTTP', 'A cookie session needs an HTTP request');
    cookie.set(result);
    return Object.assign(toLoginResult(result), { token: null });
  }

  @Mutation(() => LoginResult, {
    description:
      "The session's next access token, given its last one (expired or not); refused once the session has ended.",
  })
  async renewSession(
    @Arg('token', () => String) token: string,
    @Ctx() { dataSource }: Context,
  ): Promise<LoginResult> {
    return toLoginResult(await renewSession(dataSource, token));
  }

  @Mutation(() => Boolean, {
    description: 'Signs out: ends the session; its tokens are refused from the next request on.',
  })
  async logout(@Ctx() { dataSource, viewer, cookie }: Context): Promise<boolean> {
    await logout(dataSource, viewer!);
    cookie?.clear();
    return true;
  }

  @Query(() => Account, { description: 'The signed-in account.' })
  async me(@Ctx() { dataSource, viewer }: Context): Promise<Account> {
    const entity = await dataSource
      .getRepository(AccountEntity)
      .findOneBy({ id: viewer!.accountId });
    if (!entity)
      throw new GraphQLError('Account not found', { extensions: { code: 'UNAUTHENTICATED' } });
    return toAccount(entity, scopeKindOf[entity.role as Role]);
  }

  @FieldResolver(() => School, { nullable: true, description: 'For school-scope accounts.' })
  async school(@Root() account: Account, @Ctx() { dataSource }: Context): Promise<School | null> {
    if (account.schoolId === null) return null;
    return findSchool(dataSource, account.schoolId);
  }

  @FieldResolver(() => Division, { nullable: true, description: 'For division-scope accounts.' })
  async division(@Root() account: Account, @Ctx() { loaders }: Context): Promise<Division | null> {
    if (account.divisionId === null) return null;
    return toDivision(await loadParent(loaders.divisionById, account.divisionId, 'division'));
  }

  @FieldResolver(() => Region, { nullable: true, description: 'For region-scope accounts.' })
  async region(@Root() account: Account, @Ctx() { loaders }: Context): Promise<Region | null> {
    if (account.regionId === null) return null;
    return toRegion(await loadParent(loaders.regionById, account.regionId, 'region'));
  }
}

function toLoginResult(signIn: SignIn): LoginResult {
  return Object.assign(new LoginResult(), {
    token: signIn.token,
    expiresAt: signIn.expiresAt,
    sessionExpiresAt: signIn.sessionExpiresAt,
    account: toAccount(signIn.account, scopeKindOf[signIn.account.role as Role]),
  });
}
