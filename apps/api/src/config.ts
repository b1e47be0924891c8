import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.js';
import { ConfigError } from './config-error.js';
import {
  anyText,
  civilDate,
  flag,
  httpUrl,
  port,
  postgresUrl,
  secret,
  whole,
  type Variable,
} from './config-rules.js';

// Every environment variable the API reads is read here and nowhere else (issue 17): each has one
// line of description, a default and a rule, checked once at start-up, so a bad value stops the
// process with the variable's name and the rule instead of misbehaving later. `node dist/main.js
// --help` prints the list; the README's "Environment variables" section is the same list.
// (Test infrastructure, vitest.config.ts and test/, keeps its own few: APP_TODAY's default day,
// CHROMIUM_PATH.)

/** Every variable, in the order --help lists them. */
const variables = {
  nodeEnv: {
    name: 'NODE_ENV',
    description:
      '"production" for a real deployment: no demo accounts, no introspection, no pinned clock, AUTH_SECRET required.',
    fallback: null,
    shown: '(unset)',
    rule: anyText,
  },
  port: {
    name: 'PORT',
    description: 'The HTTP port the API (and the built dashboard) listens on.',
    fallback: 4000,
    rule: port,
  },
  databaseUrl: {
    name: 'DATABASE_URL',
    description: "PostgreSQL to use instead of the repository's embedded one.",
    fallback: null,
    shown: '(embedded PostgreSQL)',
    rule: postgresUrl,
  },
  embeddedPgPort: {
    name: 'EMBEDDED_PG_PORT',
    description: 'The port of the embedded PostgreSQL in .data/pg (when DATABASE_URL is unset).',
    fallback: 54329,
    rule: port,
  },
  pgBinDir: {
    name: 'PG_BIN_DIR',
    description:
      'The folder of the pg_dump and pg_restore that `npm run backup` and `npm run restore` run (docs/operations.md).',
    fallback: null,
    shown: "(of the bundled PostgreSQL 18 client and the PATH's, the one of the server's version)",
    rule: anyText,
  },
  dbPoolSize: {
    name: 'DB_POOL_SIZE',
    description:
      'The PostgreSQL connections of each API process (each request holds one for its transaction).',
    fallback: 10,
    rule: whole(1),
  },
  webConcurrency: {
    name: 'WEB_CONCURRENCY',
    description:
      'API processes serving the port (node:cluster): one per core. Rate limits, sign-in lockouts, sessions and the rollups are shared through PostgreSQL.',
    fallback: 1,
    rule: whole(1, 64),
  },
  demoMode: {
    name: 'DEMO_MODE',
    description: 'Demo accounts and demo data (SPEC §7); never with NODE_ENV=production.',
    fallback: true,
    shown: 'true (false with NODE_ENV=production)',
    rule: flag,
  },
  appToday: {
    name: 'APP_TODAY',
    description: "Pins the app's clock to a day, for tests and demo runs; refused in production.",
    fallback: null,
    shown: '(the real day in Manila)',
    rule: civilDate,
  },
  authSecret: {
    name: 'AUTH_SECRET',
    description:
      'The key that signs sign-in tokens; required in production, elsewhere kept in .data/auth-secret.',
    fallback: null,
    shown: '(made on first use)',
    rule: secret,
    secret: true,
  },
  tokenTtlSeconds: {
    name: 'TOKEN_TTL_SECONDS',
    description: 'How long a sign-in (a session) lasts at most, in seconds (a working day).',
    fallback: 8 * 60 * 60,
    rule: whole(1),
  },
  accessTokenTtlSeconds: {
    name: 'ACCESS_TOKEN_TTL_SECONDS',
    description:
      'How long one access token lasts, in seconds; renewSession gives the next while the session lives.',
    fallback: 15 * 60,
    rule: whole(1),
  },
  oidcIssuer: {
    name: 'OIDC_ISSUER',
    description: 'Single sign-on: the OpenID provider of staff accounts, its issuer URL exactly.',
    fallback: null,
    shown: '(none: passwords only)',
    rule: httpUrl,
  },
  oidcClientId: {
    name: 'OIDC_CLIENT_ID',
    description: 'Single sign-on: the client id the provider registered for this site.',
    fallback: null,
    shown: '(none)',
    rule: anyText,
  },
  oidcClientSecret: {
    name: 'OIDC_CLIENT_SECRET',
    description: "Single sign-on: the client's secret (client_secret_basic), if it has one.",
    fallback: null,
    shown: '(none: a public client, PKCE alone)',
    rule: anyText,
    secret: true,
  },
  publicUrl: {
    name: 'PUBLIC_URL',
    description: "The site's address; single sign-on returns to PUBLIC_URL/auth/oidc/callback.",
    fallback: null,
    shown: '(none; needed with OIDC_ISSUER)',
    rule: httpUrl,
  },
  shutdownDelayMs: {
    name: 'SHUTDOWN_DELAY_MS',
    description:
      'How long /ready answers 503 on SIGTERM while connections are still taken; then the listener closes (0: at once).',
    fallback: 0,
    rule: whole(0),
  },
  shutdownGraceMs: {
    name: 'SHUTDOWN_GRACE_MS',
    description:
      'After the listener closes, how long open connections get to finish before they are closed.',
    fallback: 10_000,
    rule: whole(0),
  },
  metricsToken: {
    name: 'METRICS_TOKEN',
    description:
      'The bearer token a Prometheus scraper on another machine sends for /metrics (this machine needs none).',
    fallback: null,
    shown: '(/metrics from this machine only)',
    rule: secret,
    secret: true,
  },
  maxDepth: {
    name: 'GRAPHQL_MAX_DEPTH',
    description: 'The deepest query one request may send.',
    fallback: 8,
    rule: whole(1),
  },
  maxCost: {
    name: 'GRAPHQL_MAX_COST',
    description: 'The largest cost (graphql-armor) one request may have.',
    fallback: 200,
    rule: whole(1),
  },
  maxAliases: {
    name: 'GRAPHQL_MAX_ALIASES',
    description: 'The most aliases one request may use.',
    fallback: 10,
    rule: whole(1),
  },
  maxTokens: {
    name: 'GRAPHQL_MAX_TOKENS',
    description: 'The most tokens one query document may have.',
    fallback: 400,
    rule: whole(1),
  },
  maxDirectives: {
    name: 'GRAPHQL_MAX_DIRECTIVES',
    description: 'The most directives one request may use.',
    fallback: 4,
    rule: whole(1),
  },
  maxBodyBytes: {
    name: 'GRAPHQL_MAX_BODY_BYTES',
    description: 'The largest JSON body of a GraphQL request, in bytes.',
    fallback: 100_000,
    rule: whole(1),
  },
  maxImportBodyBytes: {
    name: 'GRAPHQL_MAX_IMPORT_BODY_BYTES',
    description:
      'The largest JSON body of an import preview (a learner list of up to 700,000 bytes, base64-encoded), in bytes.',
    fallback: 1_000_000,
    rule: whole(1),
  },
  requestTimeoutMs: {
    name: 'GRAPHQL_REQUEST_TIMEOUT_MS',
    description: 'A request still running after this many milliseconds is answered 503.',
    fallback: 15_000,
    rule: whole(1),
  },
  loginRatePerMinute: {
    name: 'LOGIN_RATE_PER_MINUTE',
    description: '`login` calls allowed a minute per username from one client address.',
    fallback: 10,
    rule: whole(1),
  },
  loginAddressRatePerMinute: {
    name: 'LOGIN_ADDRESS_RATE_PER_MINUTE',
    description: '`login` calls allowed a minute from one client address, whatever the username.',
    fallback: 30,
    rule: whole(1),
  },
  searchRatePerMinute: {
    name: 'SEARCH_RATE_PER_MINUTE',
    description: '`searchLearners` calls allowed per account a minute.',
    fallback: 60,
    rule: whole(1),
  },
  schoolLookupsPerDay: {
    name: 'SCHOOL_LOOKUPS_PER_DAY',
    description:
      'Learners outside its place a school account may be shown a day (search, import preview and duplicate checks together).',
    fallback: 300,
    rule: whole(1),
  },
  transfersInPerAccountPerDay: {
    name: 'TRANSFERS_IN_PER_ACCOUNT_PER_DAY',
    description:
      'Learners of other schools one account may move in, enroll or register a day (each with proof of the papers).',
    fallback: 300,
    rule: whole(1),
  },
  transfersInPerSchoolPerDay: {
    name: 'TRANSFERS_IN_PER_SCHOOL_PER_DAY',
    description:
      "Learners of other schools a school's accounts together may move in, enroll or register a day (a large high school takes in its Grade 7 and 11 entrants).",
    fallback: 1500,
    rule: whole(1),
  },
  divisionLookupsPerDay: {
    name: 'DIVISION_LOOKUPS_PER_DAY',
    description: 'Learners outside its division a division account may be shown a day.',
    fallback: 1000,
    rule: whole(1),
  },
  vitest: {
    name: 'VITEST',
    description: 'Set by vitest itself: the app runs inside a test run (logs are quiet).',
    fallback: null,
    shown: '(unset)',
    rule: anyText,
  },
  logInTests: {
    name: 'LOG_IN_TESTS',
    description: 'Set to anything to keep the JSON logs inside a test run.',
    fallback: null,
    shown: '(unset)',
    rule: anyText,
  },
  benchApiNodeArgs: {
    name: 'BENCH_API_NODE_ARGS',
    description: 'Node options for the API that `npm run bench` starts, e.g. "--cpu-prof".',
    fallback: null,
    shown: '(none)',
    rule: anyText,
  },
} satisfies Record<string, Variable<unknown>>;

/** The variable's value: its default when unset or empty, else its text by its rule. */
function read<T>(variable: Variable<T>): T {
  const text = process.env[variable.name];
  if (text === undefined || text === '') return variable.fallback;
  const value = variable.rule.parse(text);
  if (value === undefined) {
    const given = variable.secret ? '' : `: not "${text}"`;
    throw new ConfigError(
      `${variable.name} must be ${variable.rule.says}${given} (\`node apps/api/dist/main.js --help\` lists every variable)`,
    );
  }
  return value;
}

const production = read(variables.nodeEnv) === 'production';

/** The settings of this process, read from the environment once. */
export const config = {
  production,
  port: read(variables.port),
  /** Null: the repository's embedded PostgreSQL. */
  databaseUrl: read(variables.databaseUrl),
  embeddedPgPort: read(variables.embeddedPgPort),
  /** Null: the bundled PostgreSQL client or the PATH's, by the server's version (db/pg-tools.ts). */
  pgBinDir: read(variables.pgBinDir),
  dbPoolSize: read(variables.dbPoolSize),
  webConcurrency: read(variables.webConcurrency),
  shutdownDelayMs: read(variables.shutdownDelayMs),
  shutdownGraceMs: read(variables.shutdownGraceMs),
  /** Null: /metrics answers this machine only (modules/ops/metrics.ts). */
  metricsToken: read(variables.metricsToken),
  /** Limits on one GraphQL request (modules/ops/graphql-limits.ts says how they were set). */
  graphqlLimits: {
    maxDepth: read(variables.maxDepth),
    maxCost: read(variables.maxCost),
    maxAliases: read(variables.maxAliases),
    maxTokens: read(variables.maxTokens),
    maxDirectives: read(variables.maxDirectives),
    /** The JSON body of every other request. */
    maxBodyBytes: read(variables.maxBodyBytes),
    /** An import preview's body alone may be this large (body-limits.ts). */
    maxImportBodyBytes: read(variables.maxImportBodyBytes),
    /** A request still running after this is answered 503 (the slowest dashboard query: ~1 s). */
    requestTimeoutMs: read(variables.requestTimeoutMs),
  },
  loginRatePerMinute: read(variables.loginRatePerMinute),
  loginAddressRatePerMinute: read(variables.loginAddressRatePerMinute),
  searchRatePerMinute: read(variables.searchRatePerMinute),
  schoolLookupsPerDay: read(variables.schoolLookupsPerDay),
  divisionLookupsPerDay: read(variables.divisionLookupsPerDay),
  transfersInPerAccountPerDay: read(variables.transfersInPerAccountPerDay),
  transfersInPerSchoolPerDay: read(variables.transfersInPerSchoolPerDay),
  oidc: readOidc(),
  /** Tests run the app in-process: its request lines would bury vitest's report. */
  quietLogs: read(variables.vitest) !== null && read(variables.logInTests) === null,
  benchApiNodeArgs: (read(variables.benchApiNodeArgs) ?? '').split(' ').filter(Boolean),
};

/** Single sign-on (issue 20, modules/auth/oidc.ts): null without OIDC_ISSUER; half of it stops. */
function readOidc() {
  const issuer = read(variables.oidcIssuer);
  if (issuer === null) return null;
  const [clientId, publicUrl] = [read(variables.oidcClientId), read(variables.publicUrl)];
  if (!clientId || !publicUrl)
    throw new ConfigError('OIDC_ISSUER needs OIDC_CLIENT_ID and PUBLIC_URL');
  if (production && !issuer.startsWith('https:'))
    throw new ConfigError('OIDC_ISSUER must be an https:// URL with NODE_ENV=production');
  const redirectUrl = new URL('/auth/oidc/callback', publicUrl).href;
  return { issuer, clientId, clientSecret: read(variables.oidcClientSecret), redirectUrl };
}
export type OidcSettings = NonNullable<ReturnType<typeof readOidc>>;

/** Demo mode (SPEC §7): the default of `npm start`, never with NODE_ENV=production. */
export const demoMode = !production && read(variables.demoMode);

/**
 * The day the application's clock is pinned to (APP_TODAY=YYYY-MM-DD), for tests and demo runs; a
 * real server reads the real time, so production refuses it.
 */
export const appToday = readAppToday();

function readAppToday(): string | null {
  const value = read(variables.appToday);
  if (value !== null && production)
    throw new ConfigError(
      'APP_TODAY pins the clock for tests and demos: not with NODE_ENV=production',
    );
  return value;
}

/** How long a sign-in (a session) lasts at most: a working day. */
export const tokenTtlSeconds = read(variables.tokenTtlSeconds);
/** How long one access token lasts: short, so an ended session stops at the next renewal too. */
export const accessTokenTtlSeconds = read(variables.accessTokenTtlSeconds);

/**
 * The key that signs tokens: AUTH_SECRET, required in production. Elsewhere one is made on first
 * use and kept in the git-ignored .data folder, so a restart does not sign everybody out. Read on
 * first use, not at start-up: the benchmarks set it for their API processes after this module has
 * loaded (cli/bench-support.ts).
 */
let cachedSecret: Uint8Array | null = null;

export function authSecret(): Uint8Array {
  cachedSecret ??= loadAuthSecret();
  return cachedSecret;
}

function loadAuthSecret(): Uint8Array {
  const fromEnv = read(variables.authSecret);
  if (fromEnv) return new TextEncoder().encode(fromEnv);
  if (production) throw new Error('AUTH_SECRET must be set when NODE_ENV=production');
  const file = path.join(repoRoot, '.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

/** Every variable with its default and description, for `--help`. */
export function environmentHelp(): string {
  const all: Variable<unknown>[] = Object.values(variables);
  const width = Math.max(...all.map((v) => v.name.length));
  const lines = all.map((v) => {
    const shown = v.shown ?? String(v.fallback);
    const rule = v.rule === anyText ? '' : `; must be ${v.rule.says}`;
    return `  ${v.name.padEnd(width)}  ${v.description}\n  ${' '.repeat(width)}  default: ${shown}${rule}`;
  });
  return `Environment variables of the API (apps/api/src/config.ts):\n${lines.join('\n')}\n`;
}
