import { randomUUID } from 'node:crypto';
import { Role } from '@repo/domain/access';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  openTestDataSource,
  resolveTestPlaces,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { type DataSource } from 'typeorm';
import { createSchema } from '../../schema.js';
import { graphqlLimits, measureOperation } from './graphql-limits.js';
import { redact } from './log.js';
import { config } from '../../config.js';
import { daysFromToday, pinClockDuring } from '../../../test/clock-fixtures.js';
import { RateLimiter } from '../../rate-limiter.js';
import { rateLimits } from './rate-limit.js';
import { maskError } from './request-log.js';

let dataSource: DataSource;
let server: TestServer;
beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

/** `regions { divisions { region { divisions … } } }`, `levels` deep. */
const deep = (levels: number) =>
  `{ regions { ${'divisions { region { '.repeat(levels)}id${' } }'.repeat(levels)} } }`;

describe('GraphQL limits (issue #9)', () => {
  it.each([
    ['depth', deep(graphqlLimits.maxDepth)],
    [
      'aliases',
      `{ ${Array.from({ length: graphqlLimits.maxAliases + 1 }, (_, i) => `a${i}: regions { id }`).join(' ')} }`,
    ],
    [
      'directives',
      `{ regions { id ${'@include(if: true) '.repeat(graphqlLimits.maxDirectives + 1)} } }`,
    ],
    ['tokens', `{ regions { ${'id '.repeat(graphqlLimits.maxTokens)} } }`],
  ])('refuses a query over the %s limit', async (_limit, query) => {
    const response = await server.graphql(query);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions?.code).toMatch(/GRAPHQL_(VALIDATION|PARSE)_FAILED/);
  });

  it('refuses a query over the cost limit though within the others', async () => {
    const fields = 'id name longName divisionCount schoolCount';
    const nest = (levels: number): string =>
      levels === 0
        ? fields
        : `${fields} divisions { id name schoolCount region { ${nest(levels - 1)} } }`;
    const query = `{ regions { ${nest(3)} } }`;
    const measured = measureOperation(await createSchema(), query);
    expect(measured.cost).toBeGreaterThan(graphqlLimits.maxCost);
    expect(measured.depth).toBeLessThanOrEqual(graphqlLimits.maxDepth);
    const response = await server.graphql(query);
    expect(response.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('suggests no field names', async () => {
    const response = await server.graphql('{ regionz { id } }');
    expect(response.errors?.[0]?.message).not.toMatch(/did you mean/i);
  });

  it('refuses batches, a body over the size limit, and a simple cross-site request', async () => {
    const batch = await post(
      JSON.stringify([{ query: '{ regions { id } }' }, { query: '{ regions { id } }' }]),
    );
    expect(batch.status).toBe(400);

    const big = await post(
      JSON.stringify({ query: `{ regions { id } } #${'x'.repeat(graphqlLimits.maxBodyBytes)}` }),
    );
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({
      errors: [{ extensions: { rule: 'BODY_TOO_LARGE' } }],
    });

    const notJson = await post('{ not json');
    expect(notJson.status).toBe(400);
    expect(await notJson.text()).not.toMatch(/at .*\.js/);

    // A form or a plain GET from another site: Apollo's CSRF prevention wants a preflighted request.
    const csrf = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ regions { id } }')}`,
    );
    expect(csrf.status).toBe(400);
  });

  it('rate-limits login per username from one address', async () => {
    const login = `mutation($u: String!) { login(username: $u, password: "wrong") { token } }`;
    const username = `nobody_${randomUUID()}`;
    const codes: string[] = [];
    for (let i = 0; i <= config.loginRatePerMinute; i++) {
      const response = await server.graphql(login, { u: username });
      codes.push(String(response.errors?.[0]?.extensions?.code));
    }
    expect(codes.slice(0, -1).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    // Another username is counted apart.
    const other = await server.graphql(login, { u: `${username}_2` });
    expect(other.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rate-limits searchLearners per account, through aliases and fragments alike', async () => {
    const places = await resolveTestPlaces(dataSource);
    const a = await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, {
      schoolId: places.schoolId,
    });
    const b = await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, {
      schoolId: places.schoolId,
    });
    const many = Array.from(
      { length: 5 },
      (_, i) => `s${i}: searchLearners(name: "Zzyzx") { inScope }`,
    ).join(' ');
    const query = `query { ... on Query { ${many} } }`;
    let refused = 0;
    for (let i = 0; i < Math.ceil(rateLimits.searchLearners! / 5) + 1; i++) {
      const response = await server.graphql(query, {}, a.token);
      if (response.errors?.[0]?.extensions?.code === 'RATE_LIMITED') refused++;
    }
    expect(refused).toBeGreaterThan(0);
    const fresh = await server.graphql(
      '{ searchLearners(name: "Zzyzx") { inScope } }',
      {},
      b.token,
    );
    expect(fresh.errors).toBeUndefined();
  });
});

describe('RateLimiter', () => {
  it('allows the limit in a minute, shared by every process, and again a minute on', async () => {
    const namespace = `${randomUUID()}:`;
    // Two limiters on two connection pools: two API processes of one deployment.
    const other = await openTestDataSource();
    const [a, b] = [new RateLimiter(dataSource, namespace), new RateLimiter(other, namespace)];
    try {
      const taken = [];
      for (const limiter of [a, b, a, b]) taken.push(await limiter.take('k', 3));
      expect(taken).toEqual([true, true, true, false]);
      // Another key, and the same key in another namespace (another test server), are apart.
      expect(await b.take('other', 3)).toBe(true);
      expect(await new RateLimiter(dataSource, 'elsewhere:').take('k', 3)).toBe(true);
      // Calls at once from both: exactly the limit gets through.
      const fresh = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).take('burst', 7)),
      );
      expect(fresh.filter(Boolean)).toHaveLength(7);
      const later = pinClockDuring(daysFromToday(1));
      try {
        expect(await a.take('k', 3)).toBe(true);
      } finally {
        later.restore();
      }
    } finally {
      await other.destroy();
    }
  });

  it('counts a call stamped a moment later that took the lock first, and none pinned a day on', async () => {
    // Calls made at once read the clock before they queue for the key's lock: the one stamped
    // first may count last. A call stamped over a minute on comes from a clock pinned to a later day.
    const take = async (key: string, at: string) => {
      const [row] = await dataSource.query<{ allowed: boolean }[]>(
        'SELECT take_rate_limit($1, 2, $2) AS allowed',
        [key, at],
      );
      return row!.allowed;
    };
    const key = `${randomUUID()}:k`;
    expect(await take(key, '2027-06-01T08:00:00.300Z')).toBe(true);
    expect(await take(key, '2027-06-01T08:00:00.200Z')).toBe(true);
    expect(await take(key, '2027-06-01T08:00:00.100Z')).toBe(false);
    expect(await take(key, '2027-06-01T08:01:00.250Z')).toBe(true);
    const pinned = `${randomUUID()}:k`;
    expect(await take(pinned, '2027-06-02T08:00:00Z')).toBe(true);
    expect(await take(pinned, '2027-06-02T08:00:30Z')).toBe(true);
    expect(await take(pinned, '2027-06-01T08:00:00Z')).toBe(true);
  });
});

describe('error masking', () => {
  it('passes the rules’ errors and masks the rest', () => {
    expect(
      maskError({
        message: 'x',
        extensions: { code: 'BAD_USER_INPUT', field: 'f', stacktrace: ['at a'] },
      }),
    ).toEqual({
      message: 'x',
      extensions: { code: 'BAD_USER_INPUT', field: 'f' },
    });
    const masked = maskError({
      message: 'duplicate key value violates unique constraint "learner_lrn_key"',
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['QueryFailedError: …'] },
    });
    expect(masked).toEqual({
      message: 'Internal server error',
      path: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('redacts quoted values, LRNs and dates from logged text', () => {
    expect(redact('Key (lrn)=(123456789012) exists; "Dela Cruz" born 2015-06-01')).not.toMatch(
      /1234|Dela|2015/,
    );
  });
});
