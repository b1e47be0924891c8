import { type Role, scopeKindOf } from '@repo/domain/access';
import { GraphQLError } from 'graphql';
import { Ctx, Query, Resolver } from 'type-graphql';
import { config, type OidcSettings } from '../../config.js';
import { type Context } from '../../context.js';
import { toAccount } from './auth.type.js';
import { SessionEntity } from './session.entity.js';
import { SignedInSession, SignInOptions } from './sign-in.type.js';

/**
 * The sign-in page's questions (issue 20). Built by the schema with the app's single sign-on
 * settings (schema.ts; a test server runs with a provider of its own).
 */
@Resolver()
export class SignInResolver {
  constructor(private readonly sso: OidcSettings | null = config.oidc) {}

  @Query(() => SignInOptions, { description: 'How one may sign in here.' })
  signInOptions(): SignInOptions {
    return Object.assign(new SignInOptions(), { sso: this.sso !== null });
  }

  @Query(() => SignedInSession, {
    description: "The viewer's session and account (a bearer token's or the cookie's).",
  })
  async session(@Ctx() { dataSource, viewer }: Context): Promise<SignedInSession> {
    const session = viewer?.sessionId
      ? await dataSource.getRepository(SessionEntity).findOne({
          where: { id: viewer.sessionId },
          relations: { account: true },
        })
      : null;
    if (!session)
      throw new GraphQLError('Session not found', { extensions: { code: 'UNAUTHENTICATED' } });
    return Object.assign(new SignedInSession(), {
      sessionExpiresAt: session.expiresAt,
      account: toAccount(session.account, scopeKindOf[session.account.role as Role]),
    });
  }
}
