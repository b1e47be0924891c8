import { type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { config } from '../../config.js';
import { type Context } from '../../context.js';
import { fragmentsOf, rootFields } from '../auth/operation-access.js';
import { type RateLimiter } from '../../rate-limiter.js';

/**
 * How many times a minute one account may call an operation, checked before it runs: trawling for
 * learners (`searchLearners`, keyed by the account; SEARCH_RATE_PER_MINUTE). A registrar looking
 * learners up by hand stays far below 60. `login` is limited in its resolver, on the username and
 * client address it was really given (`takeLogin`).
 */
export const rateLimits: Record<string, number> = {
  searchLearners: config.searchRatePerMinute,
};

/** The account a limited root field is counted against, or null when it is not limited. */
function keyOf(field: string, context: Context): string | null {
  if (field === 'searchLearners') return `search:${context.viewer?.accountId ?? 'anonymous'}`;
  return null;
}

export function rateLimitPlugin(limiter: RateLimiter): ApolloServerPlugin<Context> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: async ({ operation, document, contextValue }) => {
          const selections = operation?.selectionSet.selections ?? [];
          for (const node of rootFields(selections, fragmentsOf(document))) {
            const field = node.name.value;
            const key = keyOf(field, contextValue);
            if (key === null) continue;
            if (!(await limiter.take(key, rateLimits[field]!))) {
              throw new GraphQLError(`Too many ${field} requests: wait a minute`, {
                extensions: {
                  code: 'RATE_LIMITED',
                  rule: 'PER_USER_PER_MINUTE',
                  http: { status: 429 },
                },
              });
            }
          }
        },
      }),
  };
}
