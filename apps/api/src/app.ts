import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { type DataSource } from 'typeorm';
import { config, type OidcSettings } from './config.js';
import { createContext, type Context } from './context.js';
import { oidcRoutes } from './modules/auth/oidc.js';
import { operationAccessPlugin } from './modules/auth/operation-access.js';
import { bodyLimitByOperation, keepBodySize } from './modules/ops/body-limits.js';
import { browserRules } from './modules/ops/browser-rules.js';
import { gracefulStopper, type StopOutcome, type StopTimes } from './modules/ops/graceful-stop.js';
import { inputTextPlugin } from './modules/ops/input-text.js';
import { armor, graphqlLimits, introspectionDepthRule } from './modules/ops/graphql-limits.js';
import { liveness, readiness } from './modules/ops/lifecycle.js';
import { log, redact } from './modules/ops/log.js';
import { createMetrics, metricsRoute, type Metrics } from './modules/ops/metrics.js';
import { rateLimitPlugin } from './modules/ops/rate-limit.js';
import { RateLimiter } from './rate-limiter.js';
import { sessionCookie } from './modules/auth/session-cookie.js';
import { errorStatusPlugin } from './modules/ops/error-status.js';
import { maskError, requestLogPlugin } from './modules/ops/request-log.js';
import { repoRoot } from './paths.js';
import { jitGateway } from './jit-executor.js';
import { createSchema } from './schema.js';

export const dashboardDist = path.join(repoRoot, 'apps', 'dashboard', 'dist');

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /**
   * Not ready for `delayMs`, then stops taking connections, lets those open end by themselves
   * (destroying what is left after `graceMs`), then stops Apollo: see graceful-stop.ts.
   */
  stop(times: StopTimes): Promise<StopOutcome>;
}

export interface AppOptions {
  /**
   * Prefixes the rate limits' keys: a test server takes one of its own (see RateLimiter); the API
   * processes of a deployment share the default.
   */
  rateLimitNamespace?: string;
  /** Single sign-on's settings: `config.oidc` unless given (a test starts a provider of its own). */
  oidc?: OidcSettings | null;
}

export async function createApp(dataSource: DataSource, options: AppOptions = {}): Promise<App> {
  const app = express();
  const httpServer = http.createServer(app);
  const stopper = gracefulStopper(httpServer);
  const limiter = new RateLimiter(dataSource, options.rateLimitNamespace);
  const metrics = createMetrics(dataSource);
  const oidc = options.oidc === undefined ? config.oidc : options.oidc;
  const apollo = await apolloServer(limiter, metrics, oidc);
  await apollo.start();

  app.disable('x-powered-by');
  app.use(browserRules);
  app.use(stopper.turnAway);
  app.get('/health', (_req, res) => {
    res.json(liveness().body);
  });
  app.get('/ready', async (_req, res) => {
    const { ok, body } = await readiness(dataSource, stopper.isStopping());
    res.status(ok ? 200 : 503).json(body);
  });
  app.get('/metrics', metricsRoute(metrics.registry));
  app.use('/auth/oidc', oidcRoutes(dataSource, oidc));
  app.use(
    '/graphql',
    requestTimeout(graphqlLimits.requestTimeoutMs),
    express.json({ limit: graphqlLimits.maxImportBodyBytes, verify: keepBodySize }),
    bodyLimitByOperation(graphqlLimits.maxBodyBytes, graphqlLimits.maxImportBodyBytes),
    expressMiddleware(apollo, {
      context: ({ req, res }) =>
        createContext(dataSource, {
          authorization: req.headers.authorization,
          clientAddress: req.socket.remoteAddress,
          limiter,
          cookie: sessionCookie(req, res),
        }),
    }),
  );
  app.use(jsonErrors);
  if (existsSync(dashboardDist)) {
    app.use(express.static(dashboardDist, { index: false, maxAge: '1h' }));
    // The dashboard routes in the browser: every other page gets its shell.
    app.get('/{*path}', (_req, res) => {
      res.sendFile(path.join(dashboardDist, 'index.html'), { maxAge: 0 });
    });
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text')
        .send('The dashboard is not built: run `npm start` from the repository root.');
    });
  }
  return {
    httpServer,
    apollo,
    async stop(times) {
      const outcome = await stopper.stop(times);
      await apollo.stop();
      return outcome;
    },
  };
}

/** The GraphQL server: its limits, its error masking and its plugins. */
async function apolloServer(
  limiter: RateLimiter,
  metrics: Metrics,
  sso: OidcSettings | null,
): Promise<ApolloServer<Context>> {
  const limits = armor();
  return new ApolloServer<Context>({
    // Operations run compiled (jit-executor.ts).
    gateway: jitGateway(await createSchema({ sso })),
    introspection: !config.production,
    // Issue #9: no batches (one request, one operation, one set of limits), the CSRF check on
    // (a request must be JSON or carry a header a plain form cannot set), no stack traces.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    validationRules: [...limits.validationRules, introspectionDepthRule()],
    parseOptions: { maxTokens: graphqlLimits.maxTokens },
    formatError: maskError,
    // Compact JSON: Apollo's default indents every answer (a few hundred rows of learnerFlows took
    // a millisecond more to write, and a third more bytes to send).
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS build; its plugins are plain objects.
      ...(limits.plugins as unknown as ApolloServerPlugin<Context>[]),
      requestLogPlugin,
      errorStatusPlugin,
      operationAccessPlugin,
      inputTextPlugin,
      rateLimitPlugin(limiter),
      // After errorStatusPlugin: it reads the status that plugin sets.
      metrics.plugin,
      // No cache hints are used (answers carry personal data and go by POST): without the
      // plugin Apollo adds no per-field hook to every resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
    ],
  });
}

/** A request still running after `ms` gets a 503 in GraphQL's shape (its work is abandoned). */
function requestTimeout(ms: number): express.RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      log('warn', 'http.request_timeout', { ms });
      // The abandoned work still ends by writing to this response: the connection is not reused.
      res.setHeader('Connection', 'close');
      res.status(503).json({
        errors: [{ message: 'The request took too long', extensions: { code: 'REQUEST_TIMEOUT' } }],
      });
    }, ms);
    res.once('close', () => clearTimeout(timer));
    next();
  };
}

/**
 * A body too large or not JSON: a GraphQL-shaped error with the rule, never Express's default
 * page (which carries a stack trace outside production).
 */
const jsonErrors: express.ErrorRequestHandler = (error: unknown, _req, res, next) => {
  // The answer went already (a timed-out request whose work finished late): nothing to add.
  if (res.writableEnded) return;
  if (res.headersSent) return next(error);
  const status = (error as { status?: number }).status ?? 500;
  const type = (error as { type?: string }).type;
  const rule =
    type === 'entity.too.large'
      ? 'BODY_TOO_LARGE'
      : type === 'entity.parse.failed'
        ? 'BODY_NOT_JSON'
        : 'BAD_REQUEST';
  if (status >= 500) log('error', 'http.error', { message: redact(String(error)) });
  res.status(status >= 500 ? 500 : status).json({
    errors: [
      {
        message: status >= 500 ? 'Internal server error' : `Bad request: ${rule}`,
        extensions: { code: status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', rule },
      },
    ],
  });
};
