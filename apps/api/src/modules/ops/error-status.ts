import { type ApolloServerPlugin } from '@apollo/server';
import { type GraphQLFormattedError } from 'graphql';
import { type Context } from '../../context.js';
import { retryAfterSeconds } from './request-log.js';

/**
 * The HTTP status of a refusal by its code (issue 19: "every client error is a 4xx"). Codes not
 * named here are the domain's refusals of a request that conflicts with what is stored
 * (ALREADY_ENROLLED, STALE_UPDATE, ENROLLMENT_CLOSED, …): 409.
 */
const statusByCode: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OUTSIDE_SCOPE: 403,
  ENROLLMENT_OF_ANOTHER_SCHOOL: 403,
  RATE_LIMITED: 429,
};

/** A refusal's status; null for a fault of ours, which stays as Apollo sends it. */
export function refusalStatus(error: GraphQLFormattedError): number | null {
  const code = error.extensions?.code;
  if (typeof code !== 'string' || !/^[A-Z_]+$/.test(code) || code === 'INTERNAL_SERVER_ERROR')
    return null;
  if (code === 'NOT_FOUND' || code.endsWith('_NOT_FOUND')) return 404;
  return statusByCode[code] ?? 409;
}

/**
 * The status of a response from its errors, once everything is formatted; undefined leaves
 * Apollo's (200, or what an error set itself: 401, 429, …):
 * - the database away anywhere in it: 503 (a client can tell "retry later" from a refusal);
 * - else a request that got nothing (no data, or every root field null) and was refused only by
 *   rules: the first refusal's 4xx. An answer with data keeps its 200, as GraphQL over HTTP
 *   requires; so does one with a fault of ours in it, which is masked and logged.
 */
export function responseStatus(
  errors: readonly GraphQLFormattedError[] | undefined,
  data: Record<string, unknown> | null | undefined,
): number | undefined {
  if (!errors?.length) return undefined;
  if (errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return 503;
  const answeredNothing = !data || Object.values(data).every((value) => value === null);
  const statuses = errors.map(refusalStatus);
  if (!answeredNothing || statuses.includes(null)) return undefined;
  return statuses[0]!;
}

export const errorStatusPlugin: ApolloServerPlugin<Context> = {
  requestDidStart: () =>
    Promise.resolve({
      willSendResponse: ({ response }) => {
        if (response.body.kind !== 'single') return Promise.resolve();
        const { errors, data } = response.body.singleResult;
        const status = responseStatus(errors, data);
        if (status === 503) {
          response.http.status = 503;
          response.http.headers.set('retry-after', String(retryAfterSeconds));
        } else if (status && !response.http.status) response.http.status = status;
        return Promise.resolve();
      },
    }),
};
