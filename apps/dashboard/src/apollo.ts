import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { clearSession } from './features/auth/session.js';
import { plainText } from './features/messages/plain-message.js';

// Every GraphQL error's message in words, by its code and rule (issue 21): a screen that shows
// `error.message` shows no code. The codes stay in `errors[].extensions` for the detail line.
CombinedGraphQLErrors.formatMessage = (errors) => plainText(errors);

export function createApolloClient(uri = '/graphql') {
  // The session travels in its HttpOnly cookie (session.ts), which the browser sends to this
  // site alone; a request the server finds signed in by nobody forgets the session here, and the
  // screens then offer sign-in.
  const signedOut = new ErrorLink(({ error }) => {
    if (
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
    )
      clearSession();
  });
  return new ApolloClient({
    link: ApolloLink.from([signedOut, new HttpLink({ uri, credentials: 'same-origin' })]),
    cache: new InMemoryCache(),
  });
}
