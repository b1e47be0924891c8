import { Field, ObjectType } from 'type-graphql';
import { Account } from './auth.type.js';

@ObjectType({ description: 'How one may sign in to this server (issue 20).' })
export class SignInOptions {
  @Field({
    description:
      'Whether single sign-on with OpenID Connect is offered: the page links to /auth/oidc/start. Username and password always work.',
  })
  sso: boolean;
}

@ObjectType({
  description:
    "The viewer's session: how a page that was signed in by a redirect (single sign-on) learns what `login` would have told it.",
})
export class SignedInSession {
  @Field({ description: 'When the session ends at the latest: then sign in again.' })
  sessionExpiresAt: Date;

  @Field(() => Account)
  account: Account;
}
