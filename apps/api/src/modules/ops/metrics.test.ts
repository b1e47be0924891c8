import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import os from 'node:os';
import { Role } from '@repo/domain/access';
import express from 'express';
import { Registry } from 'prom-client';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLearner, mutate } from '../../../test/enrollment-fixtures.js';
import {
  createTestAccount,
  openTestDataSource,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { config } from '../../config.js';
import { mayScrape, metricsRoute } from './metrics.js';

// Issue 20: "/metrics answers with the series above and refuses an anonymous remote request."

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

/** A GraphQL request with its operation name, as the dashboard sends them. */
async function send(query: string, operationName: string, variables = {}, token?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, operationName, variables }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code };
}

/** Every sample of a scrape of /metrics from 127.0.0.1, by `name{labels}` as Prometheus prints it. */
async function scrape(): Promise<Map<string, number>> {
  const response = await fetch(`${server.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

/** `name{a="1",b="2"}` with the labels in the order prom-client prints them. */
const key = (name: string, labels: Record<string, string> = {}) => {
  const text = Object.entries(labels)
    .map(([label, value]) => `${label}="${value}"`)
    .join(',');
  return text ? `${name}{${text}}` : name;
};

/** How much each sample moved between two scrapes (absent before: from 0). */
const moved = (before: Map<string, number>, after: Map<string, number>, sample: string) =>
  (after.get(sample) ?? Number.NaN) - (before.get(sample) ?? 0);

/**
 * Holds the rollup folder's lock (apply_enrollment_rollup_deltas tries it and folds nothing while
 * another holds it), so the deltas written meanwhile are still there at the scrape whatever other
 * test files fold.
 */
async function withFolderHeld<T>(work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query(`SELECT pg_advisory_xact_lock(hashtext('apply_enrollment_rollup_deltas'))`);
    return await work();
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

describe('GET /metrics (issue 20)', () => {
  it('counts requests, latency, errors by code and rate-limit refusals by operation, with the pool, the rollup backlog and the process', async () => {
    const before = await scrape();
    expect(await send('query MetricsRegions { regions { id } }', 'MetricsRegions')).toEqual({
      status: 200,
      code: undefined,
    });
    expect(await send('query MetricsViewer { me { username } }', 'MetricsViewer')).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    expect(await send('query MetricsNoField { noSuchField }', 'MetricsNoField')).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
    });
    // LOGIN_RATE_PER_MINUTE wrong passwords for one username, then one more: refused 429.
    const login =
      'mutation MetricsLogin($u: String!) { login(username: $u, password: "x") { token } }';
    const u = `nobody_${randomUUID()}`;
    for (let i = 0; i < config.loginRatePerMinute; i++)
      expect((await send(login, 'MetricsLogin', { u })).status).toBe(401);
    expect(await send(login, 'MetricsLogin', { u })).toEqual({ status: 429, code: 'RATE_LIMITED' });

    const registrar = await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, {
      schoolId: 500743,
    });
    const learnerId = await createLearner(server, registrar.token, '2021-03-10');
    const after = await withFolderHeld(async () => {
      const enrolled = await mutate(
        server,
        registrar.token,
        'enrollLearner',
        'EnrollLearnerInput',
        {
          learnerId,
          schoolYear: '2026-2027',
          gradeLevel: 'KINDER',
          admissionBasis: 'KINDER_AGE_5',
          documents: ['PSA_BIRTH_CERTIFICATE'],
          enrolledOn: '2026-06-08',
          firstAttendance: '2026-06-15',
        },
      );
      expect(enrolled.error).toBeNull();
      return scrape();
    });

    const change = (name: string, labels?: Record<string, string>) =>
      moved(before, after, key(name, labels));
    const duration = 'graphql_request_duration_seconds';
    expect(change(`${duration}_count`, { operation: 'MetricsRegions', type: 'query' })).toBe(1);
    expect(
      change(`${duration}_sum`, { operation: 'MetricsRegions', type: 'query' }),
    ).toBeGreaterThan(0);
    expect(
      change(`${duration}_bucket`, { le: '15', operation: 'MetricsRegions', type: 'query' }),
    ).toBe(1);
    expect(change(`${duration}_count`, { operation: 'MetricsNoField', type: 'none' })).toBe(1);
    expect(change(`${duration}_count`, { operation: 'MetricsLogin', type: 'mutation' })).toBe(
      config.loginRatePerMinute + 1,
    );
    expect(change(`${duration}_count`, { operation: 'anonymous', type: 'mutation' })).toBe(2);

    const requests = (operation: string, status: string) =>
      change('graphql_requests_total', { operation, status });
    expect(requests('MetricsRegions', '200')).toBe(1);
    expect(requests('MetricsViewer', '401')).toBe(1);
    expect(requests('MetricsNoField', '400')).toBe(1);
    expect(requests('MetricsLogin', '401')).toBe(config.loginRatePerMinute);
    expect(requests('MetricsLogin', '429')).toBe(1);

    const errors = (code: string) => change('graphql_errors_total', { code });
    expect(errors('UNAUTHENTICATED')).toBe(config.loginRatePerMinute + 1);
    expect(errors('GRAPHQL_VALIDATION_FAILED')).toBe(1);
    expect(errors('RATE_LIMITED')).toBe(1);
    expect(change('rate_limit_refusals_total', { rule: 'LOGIN_PER_MINUTE' })).toBe(1);

    // The test data source's pool (4), one of its connections holding the folder's lock.
    expect(after.get('db_pool_connections_max')).toBe(4);
    expect(after.get('db_pool_connections_in_use')).toBeGreaterThanOrEqual(1);
    expect(after.get('db_pool_connections')).toBe(
      after.get('db_pool_connections_in_use')! + after.get('db_pool_connections_idle')!,
    );
    expect(after.get('db_pool_waiting')).toBe(0);
    // The enrollment's delta, at least, waits for the folder, for some time already.
    expect(after.get('rollup_deltas_unfolded')).toBeGreaterThanOrEqual(1);
    expect(after.get('rollup_oldest_delta_age_seconds')).toBeGreaterThan(0);
    expect(after.get('process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(after.get('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });
  it('refuses a loopback request that a proxy on this machine forwarded', async () => {
    const response = await fetch(`${server.url}/metrics`, {
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(response.status).toBe(401);
  });
});

describe('who may read /metrics (issue 20: localhost or a bearer token)', () => {
  const token = 'a-token-of-at-least-32-characters-0123';
  const remote = '192.0.2.7';
  it.each<[string, string | undefined, string | undefined, boolean, string | null, boolean]>([
    // what, TCP peer, Authorization, a proxy's header, METRICS_TOKEN, allowed
    ['IPv4 loopback', '127.0.0.1', undefined, false, null, true],
    ['anywhere in 127.0.0.0/8', '127.8.9.10', undefined, false, null, true],
    ['IPv6 loopback', '::1', undefined, false, null, true],
    ['IPv4 loopback mapped into IPv6', '::ffff:127.0.0.1', undefined, false, null, true],
    ['loopback through a proxy on this machine', '127.0.0.1', undefined, true, token, false],
    ['loopback through a proxy, with the token', '::1', `Bearer ${token}`, true, token, true],
    ['a remote address without a token', remote, undefined, false, token, false],
    ['a remote IPv6 address without a token', '2001:db8::7', undefined, false, token, false],
    ['a remote address mapped into IPv6', '::ffff:192.0.2.7', undefined, false, token, false],
    ['127 elsewhere than the first byte', '10.127.0.1', undefined, false, token, false],
    ['no address at all', undefined, undefined, false, token, false],
    ['a wrong token', remote, 'Bearer not-the-token', false, token, false],
    ['the token with one character more', remote, `Bearer ${token}x`, false, token, false],
    ['the right token', remote, `Bearer ${token}`, false, token, true],
    ['the right token, scheme in lower case', remote, `bearer ${token}`, false, token, true],
    ['the token but not as a bearer token', remote, token, false, token, false],
    ['a token when none is configured', remote, `Bearer ${token}`, false, null, false],
  ])('%s', (_, remoteAddress, authorization, forwarded, configured, allowed) => {
    expect(mayScrape({ remoteAddress, authorization, forwarded }, configured)).toBe(allowed);
  });
});

/** This machine's first address other than loopback, if it has one. */
const outside = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && !a.internal && a.family === 'IPv4')?.address;

/** GET /metrics at `url` from `outside`: the server sees a remote peer. */
function getFromOutside(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; authenticate?: string }>((resolve, reject) => {
    const request = http.get(`${url}/metrics`, { localAddress: outside, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({
          status: response.statusCode!,
          body,
          authenticate: response.headers['www-authenticate'],
        }),
      );
    });
    request.on('error', reject);
  });
}

describe.skipIf(!outside)('/metrics from another machine (issue 20)', () => {
  it.each([
    ['no token', {}],
    ['a wrong bearer token', { authorization: 'Bearer wrong-token-wrong-token-wrong-token' }],
    ['X-Forwarded-For claiming loopback', { 'x-forwarded-for': '127.0.0.1' }],
  ])('refuses %s with 401 and the rule', async (_, headers) => {
    const answer = await getFromOutside(server.url, headers);
    expect(answer.status).toBe(401);
    expect(answer.authenticate).toMatch(/^Bearer/);
    expect(JSON.parse(answer.body)).toEqual({
      errors: [
        {
          message: expect.any(String),
          extensions: { code: 'UNAUTHENTICATED', rule: 'METRICS_TOKEN_REQUIRED' },
        },
      ],
    });
  });

  it('answers a scraper that sends METRICS_TOKEN', async () => {
    const token = randomUUID() + randomUUID();
    const registry = new Registry();
    const app = express().get('/metrics', metricsRoute(registry, token));
    const listener = http.createServer(app);
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    try {
      expect((await getFromOutside(url, { authorization: `Bearer ${token}` })).status).toBe(200);
      expect((await getFromOutside(url, { authorization: `Bearer ${token}0` })).status).toBe(401);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });
});
