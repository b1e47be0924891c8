import { type ApolloServerPlugin } from '@apollo/server';
import { type GraphQLFormattedError } from 'graphql';
import { type Context } from '../../context.js';
import { log, redact } from './log.js';

/**
 * Codes a client is meant to see and act on; anything else is a fault of ours, answered with a
 * bare "Internal server error" (no message, stack or SQL) and logged with a redacted message.
 */
const clientCodes = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
]);

/** How long a client should wait before it asks again while the database is away, in seconds. */
export const retryAfterSeconds = 5;

/** Whether an error is the database being away or full (connection refused, reset, shut down). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const codes = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    '57P01',
    '57P02',
    '57P03',
    '53300',
    '08000',
    '08001',
    '08003',
    '08006',
  ]);
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    const code = e.code ?? (e.driverError as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string' && codes.has(code)) return true;
    if (
      typeof e.message === 'string' &&
      /Connection terminated|connection timeout|Connection terminated unexpectedly|timeout exceeded when trying to connect/i.test(
        e.message,
      )
    )
      return true;
    e = (e.originalError ?? e.cause) as Record<string, unknown> | undefined;
  }
  return false;
}

/** Apollo's `formatError`: errors the rules raise pass as they are; the rest are masked. */
export function maskError(
  formatted: GraphQLFormattedError,
  error?: unknown,
): GraphQLFormattedError {
  // The database away: "retry later" (HTTP 503 with Retry-After, unavailablePlugin), not a fault.
  if (isDatabaseUnavailable(error))
    return {
      message: `The database is unavailable: retry in ${retryAfterSeconds} s`,
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds },
    };
  const code = formatted.extensions?.code;
  const extensions = { ...formatted.extensions };
  delete extensions.stacktrace;
  // Refusals by the domain carry their own SCREAMING_SNAKE codes (ALREADY_ENROLLED, …).
  const isRefusal =
    typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && /^[A-Z_]+$/.test(code);
  if (isRefusal || clientCodes.has(String(code))) return { ...formatted, extensions };
  log('error', 'graphql.internal_error', {
    path: formatted.path?.join('.'),
    message: redact(formatted.message),
  });
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * One line per GraphQL request: the operation's name, its duration and the error codes, with the
 * account's id and role; never the query's variables, which carry names, birth dates and LRNs.
 */
export const requestLogPlugin: ApolloServerPlugin<Context> = {
  requestDidStart: ({ request }) => {
    const started = performance.now();
    return Promise.resolve({
      willSendResponse: ({ contextValue, errors, operation }) => {
        const codes = [
          ...new Set(
            (errors ?? []).map((e) => e.extensions?.code).filter((c) => typeof c === 'string'),
          ),
        ];
        log(errors?.length ? 'warn' : 'info', 'graphql.request', {
          // The name as the client sent it is free text: only a plain identifier is kept.
          operationName: /^\w{1,64}$/.test(request.operationName ?? '')
            ? request.operationName
            : undefined,
          operation: operation?.operation,
          account: contextValue.viewer?.accountId,
          role: contextValue.viewer?.role,
          ms: Math.round(performance.now() - started),
          errors: codes.length > 0 ? codes.join(',') : undefined,
        });
        return Promise.resolve();
      },
    });
  },
};
