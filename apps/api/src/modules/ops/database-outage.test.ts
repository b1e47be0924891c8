import net from 'node:net';
import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDataSource } from '../../db/data-source.js';
import { entities } from '../../entities.js';
import {
  createTestAccount,
  openTestDataSource,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';

// Issue 19, finding 4: the database away. The API reaches PostgreSQL through a TCP proxy this test
// cuts and restores; meanwhile every GraphQL request is HTTP 503 with Retry-After and the code
// SERVICE_UNAVAILABLE (it was a 200 with INTERNAL_SERVER_ERROR), and the API recovers by itself.

/** A TCP proxy to the test database that can be cut (every connection reset) and restored. */
function databaseProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<number>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        const end = () => {
          client.destroy();
          upstream.destroy();
        };
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('error', end);
          socket.on('close', () => {
            sockets.delete(socket);
            end();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve(port);
      });
    });
  return {
    listen,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server!.close(() => resolve());
      }),
  };
}

let owner: DataSource;
let viaProxy: DataSource;
let server: TestServer;
let proxy: ReturnType<typeof databaseProxy>;
let token: string;

beforeAll(async () => {
  owner = await openTestDataSource();
  // Over TCP (the test URL may name the server's Unix socket directory as its host).
  const url = new URL(inject('databaseUrl'));
  url.hostname = '127.0.0.1';
  proxy = databaseProxy({ host: '127.0.0.1', port: Number(url.port) });
  url.port = String(await proxy.listen());
  viaProxy = createDataSource(url.toString(), { entities, poolSize: 4 });
  await viaProxy.initialize();
  server = await startTestServer(viaProxy);
  token = (await createTestAccount(owner, Role.SCHOOL_REGISTRAR, { schoolId: 500743 })).token;
});
afterAll(async () => {
  await server.close();
  await viaProxy.destroy().catch(() => undefined);
  await owner.destroy();
});

async function ask(query: string, signedIn = true) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signedIn ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    code: body.errors?.[0]?.extensions?.code ?? null,
  };
}

describe('the database away (issue 19)', () => {
  it('answers 503 with Retry-After while it is away, and recovers by itself', async () => {
    const classList = '{ classList(schoolId: "500743", schoolYear: "2026-2027") { total } }';
    const reference = '{ regions { id } }';
    expect(await ask(classList)).toMatchObject({ status: 200, code: null });

    await proxy.cut();
    for (const [query, signedIn] of [
      [classList, true],
      [reference, false],
      [classList, true],
    ] as const) {
      const answer = await ask(query, signedIn);
      expect(answer).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: '5' });
    }

    await proxy.listen();
    let back = await ask(classList);
    for (let i = 0; i < 20 && back.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      back = await ask(classList);
    }
    expect(back).toMatchObject({ status: 200, code: null });
  });
});
