import { randomUUID } from 'node:crypto';
import { type AddressInfo } from 'node:net';
import { type Role, scopeKindOf } from '@repo/domain/access';
import { type DataSource, type Logger } from 'typeorm';
import { inject } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { createDataSource } from '../src/db/data-source.js';
import { entities } from '../src/entities.js';
import { dropDatabase, withDatabaseName } from '../src/db/database.js';
import { AccountEntity } from '../src/modules/auth/account.entity.js';
import { hashPassword, login } from '../src/modules/auth/auth.service.js';
import { copyDatabase } from './template-databases.js';

/** Counts the SQL statements a data source sends, to prove loaders batch. */
export class QueryCounter implements Logger {
  count = 0;
  logQuery() {
    this.count++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

export async function openTestDataSource(logger?: Logger): Promise<DataSource> {
  const dataSource = createDataSource(inject('databaseUrl'), { entities, poolSize: 4, logger });
  await dataSource.initialize();
  return dataSource;
}

/**
 * A database of the test file's own, migrated and with the reference data (a copy of the run's
 * schema template, or of `from`: test/template-databases.ts), for what must not share the test
 * database (a bulk load locks the tables it fills for its whole transaction, which would stall the
 * other files' requests). `drop` closes the data source and drops the database.
 */
export async function openOwnTestDatabase(
  prefix: string,
  poolSize = 4,
  { from = inject('schemaTemplate') }: { from?: string } = {},
): Promise<{ dataSource: DataSource; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const adminUrl = withDatabaseName(inject('databaseUrl'), 'postgres');
  await copyDatabase(adminUrl, from, name);
  const url = withDatabaseName(adminUrl, name);
  const dataSource = createDataSource(url, { entities, poolSize });
  const drop = async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await dropDatabase(adminUrl, name);
  };
  try {
    await dataSource.initialize();
  } catch (error) {
    await drop();
    throw error;
  }
  return { dataSource, url, drop };
}

/** A GraphQL answer's body. */
export interface GraphQLBody<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  url: string;
  app: App;
  /** The answer's body. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLBody<T>>;
  /** One POST to /graphql as a client sends it: the HTTP status, the body and the headers. */
  post<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: GraphQLBody<T>; headers: Headers }>;
  close(): Promise<void>;
}

/** The real HTTP app on a free port of 127.0.0.1. */
export async function startTestServer(dataSource: DataSource): Promise<TestServer> {
  // Rate limits of its own: the test files running side by side share one database.
  const app = await createApp(dataSource, { rateLimitNamespace: `${randomUUID()}:` });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  async function post<T>(
    query: string,
    variables: Record<string, unknown> = {},
    { token, headers = {} }: { token?: string; headers?: Record<string, string> } = {},
  ) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLBody<T>;
    return { status: response.status, body, headers: response.headers };
  }
  return {
    url,
    app,
    post,
    async graphql<T>(query: string, variables?: Record<string, unknown>, token?: string) {
      return (await post<T>(query, variables, { token })).body;
    },
    // Tests keep no connection waiting: whatever is open when a file ends is closed at once.
    close: () => app.stop({ delayMs: 0, graceMs: 0 }).then(() => undefined),
  };
}

/**
 * One random password for this process's test accounts, hashed once: each account still signs in
 * through a real bcrypt comparison, without a hash of its own (70 ms each, a few hundred accounts).
 */
const testPassword = (async () => {
  const password = randomUUID();
  return { password, passwordHash: await hashPassword(password) };
})();

/** An account of its own for one test, with a random username; returns a signed-in token. */
export async function createTestAccount(
  dataSource: DataSource,
  role: Role,
  place: { schoolId?: number; divisionId?: number; regionId?: number } = {},
): Promise<{ username: string; password: string; token: string; id: string }> {
  const username = `t_${role.toLowerCase()}_${randomUUID().slice(0, 8)}`;
  const { password, passwordHash } = await testPassword;
  const account = await dataSource.getRepository(AccountEntity).save({
    username,
    passwordHash,
    displayName: `Test ${role}`,
    role,
    schoolId: place.schoolId ?? null,
    divisionId: place.divisionId ?? null,
    regionId: place.regionId ?? null,
  });
  const signedIn = await login(dataSource, username, password);
  return { username, password, token: signedIn!.token, id: account.id };
}

/** A real school and its division and region, for scoping test accounts. */
export const testPlaces = { schoolId: 500743, divisionId: 0, regionId: 0 };
export async function resolveTestPlaces(dataSource: DataSource) {
  const [row] = await dataSource.query<{ division_id: number; region_id: number }[]>(
    'SELECT division_id, region_id FROM school WHERE id = $1',
    [testPlaces.schoolId],
  );
  return { schoolId: testPlaces.schoolId, divisionId: row!.division_id, regionId: row!.region_id };
}

/** The place an account of this role covers, among the test places. */
export function placeFor(role: Role, places: Awaited<ReturnType<typeof resolveTestPlaces>>) {
  switch (scopeKindOf[role]) {
    case 'SCHOOL':
      return { schoolId: places.schoolId };
    case 'DIVISION':
      return { divisionId: places.divisionId };
    case 'REGION':
      return { regionId: places.regionId };
    default:
      return {};
  }
}

/** A learner row written directly as the owner (past row-level security), linked to a school. */
export async function insertTestLearner(
  dataSource: DataSource,
  createdBy: string,
  schoolId: number,
  fields: { lastName?: string; firstName?: string; birthDate?: string; sex?: string } = {},
): Promise<string> {
  const lastName = fields.lastName ?? `Test${randomUUID().slice(0, 6)}`;
  const firstName = fields.firstName ?? 'Learner';
  const [row] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO learner (last_name, first_name, name_key, birth_date, sex, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      lastName,
      firstName,
      `${firstName} ${lastName}`.toLowerCase(),
      fields.birthDate ?? '2015-06-01',
      fields.sex ?? 'FEMALE',
      createdBy,
    ],
  );
  await dataSource.query(
    `INSERT INTO learner_school (learner_id, school_id, reason) VALUES ($1, $2, 'TEST')`,
    [row!.id, schoolId],
  );
  return row!.id;
}
