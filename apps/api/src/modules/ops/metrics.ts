import { createHash, timingSafeEqual } from 'node:crypto';
import { isIPv4 } from 'node:net';
import { type ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { type GraphQLFormattedError } from 'graphql';
import { type Pool } from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { type DataSource } from 'typeorm';
import { config } from '../../config.js';
import { type Context } from '../../context.js';
import { poolOf } from '../../db/data-source.js';
import { unfoldedDeltas, unfoldedDeltasCap } from '../reporting/rollup-applier.js';
import { scrapeText, shareWithPrimary } from './cluster-metrics.js';
import { log, redact } from './log.js';

/**
 * Distinct operation names one app labels its series with; later names are `other`. The name is
 * the client's: a plain identifier bounds its length, not how many there are, and every name
 * is a series of its own (the dashboard names 40 operations).
 */
const maxOperationNames = 200;

/**
 * Seconds: a rollup read takes milliseconds (docs/scaling.md), the throughput target is a p99 of
 * 500 ms (docs/reliability.md), and a request is cut at GRAPHQL_REQUEST_TIMEOUT_MS (15 s).
 */
const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];

/** A label value of the server's own vocabulary (codes, rules), or `other`. */
const codeLabel = (value: unknown) =>
  typeof value === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(value) ? value : 'other';

export interface Metrics {
  registry: Registry;
  /** Records each GraphQL request: register it after errorStatusPlugin, which sets the status. */
  plugin: ApolloServerPlugin<Context>;
}

/** One registry per app (never prom-client's global one): several apps live in one test run. */
export function createMetrics(dataSource: DataSource): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  shareWithPrimary(registry);
  const registers = [registry];
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL requests by operation name and type, from the request to its answer.',
    labelNames: ['operation', 'type'] as const,
    buckets: durationBuckets,
    registers,
  });
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and the HTTP status answered.',
    labelNames: ['operation', 'status'] as const,
    registers,
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors in GraphQL answers by extensions.code, as the client saw them.',
    labelNames: ['code'] as const,
    registers,
  });
  const refusals = new Counter({
    name: 'rate_limit_refusals_total',
    help: 'Requests refused RATE_LIMITED (HTTP 429), by the rule that refused them.',
    labelNames: ['rule'] as const,
    registers,
  });
  poolGauges(dataSource, registers);
  rollupGauges(dataSource, registers);

  const names = new Set<string>();
  const operationLabel = (name: string | null | undefined) => {
    if (!name) return 'anonymous';
    if (!/^\w{1,64}$/.test(name)) return 'invalid';
    if (names.has(name)) return name;
    if (names.size >= maxOperationNames) return 'other';
    names.add(name);
    return name;
  };

  const plugin: ApolloServerPlugin<Context> = {
    requestDidStart: ({ request }) => {
      const started = performance.now();
      return Promise.resolve({
        willSendResponse: ({ response, operation, operationName }) => {
          const seconds = (performance.now() - started) / 1000;
          const name = operationLabel(operationName ?? request.operationName);
          duration.observe({ operation: name, type: operation?.operation ?? 'none' }, seconds);
          requests.inc({ operation: name, status: String(response.http.status ?? 200) });
          const sent: readonly GraphQLFormattedError[] =
            response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          for (const error of sent) {
            const code = codeLabel(error.extensions?.code);
            errors.inc({ code });
            if (code === 'RATE_LIMITED') refusals.inc({ rule: codeLabel(error.extensions?.rule) });
          }
          return Promise.resolve();
        },
      });
    },
  };
  return { registry, plugin };
}

/** The pg pool behind the data source, read at each scrape. */
function poolGauges(dataSource: DataSource, registers: Registry[]) {
  const gauge = (name: string, help: string, read: (pool: Pool) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(dataSource.isInitialized ? read(poolOf(dataSource)) : Number.NaN);
      },
    });
  gauge('db_pool_connections', 'PostgreSQL connections open in the pool.', (p) => p.totalCount);
  gauge('db_pool_connections_idle', 'Open connections no request holds.', (p) => p.idleCount);
  gauge(
    'db_pool_connections_in_use',
    'Connections a request holds (for its transaction).',
    (p) => p.totalCount - p.idleCount,
  );
  gauge(
    'db_pool_waiting',
    'Requests waiting for a connection (the pool is at DB_POOL_SIZE).',
    (p) => p.waitingCount,
  );
  gauge(
    'db_pool_connections_max',
    'The pool size, DB_POOL_SIZE (of every worker, under WEB_CONCURRENCY).',
    (p) => p.options.max ?? Number.NaN,
  );
}

/**
 * The rollup deltas waiting for the folder (rollup-applier.ts), read at each scrape with one
 * statement shared by both gauges. Skipped (NaN) when the pool has no connection to spare: a scrape
 * must not queue behind requests, least of all when the pool is what is short.
 */
function rollupGauges(dataSource: DataSource, registers: Registry[]) {
  let reading: ReturnType<typeof unfoldedDeltas> | null = null;
  const read = () => {
    reading ??= readDeltas(dataSource).finally(() => (reading = null));
    return reading;
  };
  new Gauge({
    name: 'rollup_deltas_unfolded',
    help: `Enrollment rollup deltas not yet folded into the rollups (counted up to ${unfoldedDeltasCap}).`,
    registers,
    aggregator: 'first',
    async collect() {
      this.set((await read()).count);
    },
  });
  new Gauge({
    name: 'rollup_oldest_delta_age_seconds',
    help: 'How long the oldest rollup delta not yet folded has waited (0 when none).',
    registers,
    aggregator: 'first',
    async collect() {
      this.set((await read()).oldestSeconds);
    },
  });
}

async function readDeltas(dataSource: DataSource) {
  const unknown = { count: Number.NaN, oldestSeconds: Number.NaN };
  if (!dataSource.isInitialized) return unknown;
  const pool = poolOf(dataSource);
  // 10: pg's own default, should the pool have been made without a size.
  if (pool.idleCount === 0 && pool.totalCount >= (pool.options.max ?? 10)) return unknown;
  try {
    return await unfoldedDeltas(dataSource);
  } catch (error) {
    log('warn', 'metrics.rollup_deltas', { message: redact(String(error)) });
    return unknown;
  }
}

/** Whether the TCP peer is this machine: 127.0.0.0/8, ::1, or IPv4 loopback mapped into IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  if (address === '::1') return true;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  return isIPv4(v4) && v4.startsWith('127.');
}

/** The same length whatever the token, so the comparison takes the same time. */
const digest = (text: string) => createHash('sha256').update(text).digest();

/** What /metrics is told about the request. */
export interface ScrapeRequest {
  /** The TCP peer's address (`req.socket.remoteAddress`). */
  remoteAddress: string | undefined;
  authorization: string | undefined;
  /** A proxy's header (Forwarded, X-Forwarded-For, X-Real-IP) is present. */
  forwarded: boolean;
}

/**
 * Who may read /metrics (issue 20: not public): a scraper on this machine, by the TCP peer's
 * address, or one that sends METRICS_TOKEN as its bearer token. A proxy's header never grants
 * (any client can write one) but takes the loopback exception away: a reverse proxy on this
 * machine makes every client's peer 127.0.0.1, and a scraper of our own sends no such header.
 */
export function mayScrape(request: ScrapeRequest, token: string | null): boolean {
  if (isLoopback(request.remoteAddress) && !request.forwarded) return true;
  const sent = /^Bearer +(\S+)\s*$/i.exec(request.authorization ?? '')?.[1];
  if (!token || !sent) return false;
  return timingSafeEqual(digest(sent), digest(token));
}

const proxyHeaders = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/** `GET /metrics`: the registry in Prometheus's text format, or 401 in GraphQL's error shape. */
export function metricsRoute(registry: Registry, token = config.metricsToken): express.Handler {
  return async (req, res) => {
    const request = {
      remoteAddress: req.socket.remoteAddress,
      authorization: req.headers.authorization,
      forwarded: proxyHeaders.some((name) => req.headers[name] !== undefined),
    };
    if (!mayScrape(request, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(401).json({
        errors: [
          {
            message: 'Metrics are for this machine, or a scraper with METRICS_TOKEN',
            extensions: { code: 'UNAUTHENTICATED', rule: 'METRICS_TOKEN_REQUIRED' },
          },
        ],
      });
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.type(registry.contentType).send(await scrapeText(registry));
  };
}
