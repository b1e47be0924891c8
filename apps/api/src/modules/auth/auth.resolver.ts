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
import { login } from './auth.service.js';
import { Account, LoginResult, toAccount } from './auth.type.js';

@Resolver(() => Account)
export class AuthResolver {
  @Mutation(() => LoginResult, { description: 'Signs in (SPEC §7).' })
  async login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() { dataSource }: Context,
  ): Promise<LoginResult> {
    const result = await login(dataSource, username.trim(), password);
    if (!result) {
      throw new GraphQLError('Wrong username or password', {
        extensions: { code: 'UNAUTHENTICATED', rule: 'CREDENTIALS_INVALID' },
      });
    }
    const role = result.account.role as Role;
    return Object.assign(new LoginResult(), {
      token: result.token,
      expiresAt: result.expiresAt,
      account: toAccount(result.account, scopeKindOf[role]),
    });
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
