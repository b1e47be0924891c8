// What the benchmarks share: the API in its own process, a keep-alive GraphQL client, percentiles
// and the printed table.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { config } from '../config.js';
import { apiRoot } from '../paths.js';

// The API runs with NODE_ENV=production, which requires a key to sign tokens: one for this run,
// set here before anything signs, so the tokens the benchmarks sign for their accounts (`login` in
// this process) are the API's too.
process.env.AUTH_SECRET ??= randomBytes(48).toString('base64url');

/**
 * The API on a free port in a child process, as in production (NODE_ENV=production: graphql-js
 * then skips its development checks, measured at about 2 of the 15 ms of the largest division's
 * schools at 27M); killed with the bench. `env` adds to (or overrides) this process's
 * environment, e.g. a rate limit that a benchmark must lift.
 */
export async function startApi(databaseUrl: string, env: Record<string, string> = {}) {
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  // BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the API.
  const nodeArgs = config.benchApiNodeArgs;
  const api = spawn(process.execPath, [...nodeArgs, path.join(apiRoot, 'dist', 'main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // The API never outlives the bench, however the bench ends.
  process.on('exit', () => api.kill('SIGTERM'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      api.kill('SIGTERM');
      process.exit(130);
    });
  }
  api.once('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`the API exited with ${code}`);
  });
  for (let tries = 0; ; tries++) {
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (tries > 300) throw new Error('the API did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    pid: api.pid!,
    /** Stops the API (gracefully: SIGTERM); resolves when it has exited. */
    stop: () =>
      new Promise<void>((resolve) => {
        if (api.exitCode !== null) return resolve();
        api.once('exit', () => resolve());
        api.kill('SIGTERM');
      }),
    /** Resident memory of the API process, in MB (Linux). */
    residentMb: () => {
      const status = readFileSync(`/proc/${api.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
  };
}

export interface Answer {
  /** HTTP status, or 0 when the request failed below HTTP (refused, reset). */
  status: number;
  data: Record<string, unknown> | null;
  errors: { message: string; extensions?: Record<string, unknown> }[];
  ms: number;
  /** The socket error, when there was no HTTP answer. */
  failure?: string;
}

/**
 * A keep-alive GraphQL client to 127.0.0.1 that never throws: failures come back as answers.
 * `sockets` 0: a new connection for every request.
 */
export function client(port: number, sockets = 16) {
  const agent = sockets > 0 ? new http.Agent({ keepAlive: true, maxSockets: sockets }) : false;
  async function graphql(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<Answer> {
    const body = JSON.stringify({ query, variables });
    const started = performance.now();
    return new Promise<Answer>((resolve) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent,
          timeout: 30_000,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            const ms = performance.now() - started;
            try {
              const parsed = JSON.parse(text) as Partial<Answer>;
              resolve({
                status: response.statusCode ?? 0,
                data: parsed.data ?? null,
                errors: parsed.errors ?? [],
                ms,
              });
            } catch {
              resolve({
                status: response.statusCode ?? 0,
                data: null,
                errors: [],
                ms,
                failure: 'not JSON',
              });
            }
          });
          response.on('error', (error) =>
            resolve({
              status: 0,
              data: null,
              errors: [],
              ms: performance.now() - started,
              failure: error.message,
            }),
          );
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', (error: NodeJS.ErrnoException) =>
        resolve({
          status: 0,
          data: null,
          errors: [],
          ms: performance.now() - started,
          failure: error.code ?? error.message,
        }),
      );
      request.end(body);
    });
  }
  return { graphql, close: () => (agent ? agent.destroy() : undefined) };
}

/**
 * The benchmarks' view of `client`: one socket by default, and a query that fails throws. A plain
 * keep-alive HTTP client: undici's fetch adds 2-3 ms at p95 of its own on this machine, which
 * would be measured as the API's.
 */
export function graphqlClient(port: number, sockets = 1) {
  const http = client(port, sockets);
  return {
    /** Runs a query; returns its data and the milliseconds it took. */
    async run<T>(token: string, query: string, variables: Record<string, unknown> = {}) {
      const answer = await http.graphql(query, variables, token);
      if (answer.failure !== undefined || answer.errors.length > 0)
        throw new Error(answer.failure ?? JSON.stringify(answer.errors));
      return { data: answer.data as T, ms: answer.ms };
    },
    close: http.close,
  };
}

export const percentile = (times: number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const row of rows) console.log(line(row));
}
