import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { readToken } from './features/auth/session.js';

export function createApolloClient(uri = '/graphql') {
  // The token is read per request: signing in or out needs no new client.
  const auth = new ApolloLink((operation, forward) => {
    const token = readToken();
    if (token) {
      operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, authorization: `Bearer ${token}` },
      }));
    }
    return forward(operation);
  });
  return new ApolloClient({
    link: ApolloLink.from([auth, new HttpLink({ uri })]),
    cache: new InMemoryCache(),
  });
}
