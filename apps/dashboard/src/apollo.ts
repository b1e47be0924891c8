import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { currentToken } from './features/auth/session.js';

export function createApolloClient(uri = '/graphql') {
  // The token is read (and renewed when about to expire) per request: signing in or out needs no
  // new client.
  const auth = new SetContextLink(async (previous) => {
    const token = await currentToken(uri);
    if (!token) return {};
    const headers = (previous.headers ?? {}) as Record<string, string>;
    return { headers: { ...headers, authorization: `Bearer ${token}` } };
  });
  return new ApolloClient({
    link: ApolloLink.from([auth, new HttpLink({ uri })]),
    cache: new InMemoryCache(),
  });
}
