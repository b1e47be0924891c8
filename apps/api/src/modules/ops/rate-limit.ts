import { type ApolloServerPlugin } from '@apollo/server';
import { type FieldNode, GraphQLError, Kind, type ValueNode } from 'graphql';
import { clock } from '../../clock.js';
import { config } from '../../config.js';
import { type Context } from '../../context.js';
import { fragmentsOf, rootFields } from '../auth/operation-access.js';

/**
 * How many times a minute one user may call an operation: guessing passwords (`login`, keyed by
 * the username tried) and trawling for learners (`searchLearners`, keyed by the account). Set by
 * LOGIN_RATE_PER_MINUTE and SEARCH_RATE_PER_MINUTE; a registrar looking learners up by hand
 * stays far below 60.
 */
export const rateLimits: Record<string, number> = {
  login: config.loginRatePerMinute,
  searchLearners: config.searchRatePerMinute,
};

/** A sliding window of one minute per key, in this process (one API process per deployment). */
export class RateLimiter {
  private readonly calls = new Map<string, number[]>();

  constructor(private readonly now: () => number = () => clock.now().getTime()) {}

  /** Records a call; false when the key has used up its calls in the last minute. */
  take(key: string, perMinute: number): boolean {
    const now = this.now();
    const recent = (this.calls.get(key) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= perMinute) {
      this.calls.set(key, recent);
      return false;
    }
    recent.push(now);
    this.calls.set(key, recent);
    // Keys of users gone quiet are dropped now and then, so the map does not grow for ever.
    if (this.calls.size > 10_000) {
      for (const [k, times] of this.calls)
        if (times.every((t) => now - t >= 60_000)) this.calls.delete(k);
    }
    return true;
  }
}

function argumentValue(
  value: ValueNode | undefined,
  variables: Record<string, unknown> | undefined,
): string {
  if (!value) return '';
  if (value.kind === Kind.VARIABLE) {
    const given = variables?.[value.name.value];
    return typeof given === 'string' ? given : '';
  }
  return value.kind === Kind.STRING ? value.value : '';
}

/** The user a limited root field is counted against, or null when it is not limited. */
function keyOf(
  field: string,
  node: FieldNode,
  variables: Record<string, unknown> | undefined,
  context: Context,
): string | null {
  if (field === 'login') {
    const username = node.arguments?.find((a) => a.name.value === 'username')?.value;
    return `login:${argumentValue(username, variables).trim().toLowerCase()}`;
  }
  if (field === 'searchLearners') return `search:${context.viewer?.accountId ?? 'anonymous'}`;
  return null;
}

export function rateLimitPlugin(limiter = new RateLimiter()): ApolloServerPlugin<Context> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ operation, document, request, contextValue }) => {
          const selections = operation?.selectionSet.selections ?? [];
          for (const node of rootFields(selections, fragmentsOf(document))) {
            const field = node.name.value;
            const key = keyOf(field, node, request.variables, contextValue);
            if (key === null) continue;
            if (!limiter.take(key, rateLimits[field]!)) {
              return Promise.reject(
                new GraphQLError(`Too many ${field} requests: wait a minute`, {
                  extensions: {
                    code: 'RATE_LIMITED',
                    rule: 'PER_USER_PER_MINUTE',
                    http: { status: 429 },
                  },
                }),
              );
            }
          }
          return Promise.resolve();
        },
      }),
  };
}
