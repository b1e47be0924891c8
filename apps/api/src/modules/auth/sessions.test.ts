import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Role } from '@repo/domain/access';
import { SignJWT } from 'jose';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  openTestDataSource,
  resolveTestPlaces,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { clock } from '../../clock.js';
import { authSecret, config } from '../../config.js';

/**
 * Sessions (issue 18, finding 5): a token is only as good as its session. Logout, disabling or
 * deleting the account, another role, place or password end it; a locked-out user still signs in
 * from another address.
 */

let dataSource: DataSource;
let server: TestServer;
let schoolId: number;
beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  ({ schoolId } = await resolveTestPlaces(dataSource));
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

const classList = `query($s: String!) {
  classList(schoolId: $s, schoolYear: "2026-2027") { total rows { lrn lastName birthDate } } }`;

async function registrar() {
  const account = await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId });
  return account;
}

async function readsClassList(token: string) {
  const answer = await server.graphql(classList, { s: String(schoolId) }, token);
  return answer.errors?.[0]?.extensions ?? 'read';
}

/** A POST to /graphql from another loopback address (Linux routes all of 127/8 to this host). */
function postFrom(localAddress: string, query: string, variables: Record<string, unknown> = {}) {
  const { port } = new URL(server.url);
  return new Promise<{ errors?: { extensions?: Record<string, unknown> }[]; data?: unknown }>(
    (resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          localAddress,
          headers: { 'content-type': 'application/json' },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve(JSON.parse(body) as never));
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify({ query, variables }));
    },
  );
}

describe('a session ends, and its tokens with it', () => {
  it('logout: the token is refused at once, and cannot be renewed', async () => {
    const account = await registrar();
    expect(await readsClassList(account.token)).toBe('read');
    const out = await server.graphql<{ logout: boolean }>('mutation { logout }', {}, account.token);
    expect(out.data?.logout).toBe(true);
    expect(await readsClassList(account.token)).toMatchObject({
      code: 'UNAUTHENTICATED',
      rule: 'SESSION_ENDED',
    });
    const renewed = await server.graphql(
      'mutation($t: String!) { renewSession(token: $t) { token } }',
      { t: account.token },
    );
    expect(renewed.errors?.[0]?.extensions).toMatchObject({ rule: 'SESSION_ENDED' });
  });

  it.each([
    ['disabled', 'UPDATE account SET disabled_at = now() WHERE id = $1'],
    ['deleted', 'DELETE FROM account WHERE id = $1'],
    ['moved to another school', 'UPDATE account SET school_id = 500518 WHERE id = $1'],
    ['given another role', "UPDATE account SET role = 'SCHOOL_HEAD' WHERE id = $1"],
    ['given a new password', "UPDATE account SET password_hash = 'x' WHERE id = $1"],
  ])(
    'an account %s by hand in SQL: its token stops reading class lists within a second',
    async (_, sql) => {
      const account = await registrar();
      expect(await readsClassList(account.token)).toBe('read');
      await dataSource.query(sql, [account.id]);
      const changed = performance.now();
      // Every process re-reads a session at least every half second: a second is enough.
      let refusedAfter: number | null = null;
      while (performance.now() - changed < 1000) {
        const answer = await readsClassList(account.token);
        if (answer !== 'read') {
          expect(answer).toMatchObject({ code: 'UNAUTHENTICATED', rule: 'SESSION_ENDED' });
          refusedAfter = performance.now() - changed;
          break;
        }
        await sleep(50);
      }
      expect(refusedAfter, 'refused within 1 s').not.toBeNull();
    },
  );

  it('an access token lasts a quarter of an hour; renewSession gives the next one, even after it expired', async () => {
    const account = await registrar();
    const [session] = await dataSource.query<{ id: string }[]>(
      'SELECT id FROM account_session WHERE account_id = $1',
      [account.id],
    );
    // The session's token as it would be 20 minutes on: expired 5 minutes ago.
    const now = Math.floor(clock.now().getTime() / 1000);
    const expired = await new SignJWT({
      role: 'SCHOOL_REGISTRAR',
      scope: { kind: 'SCHOOL', schoolId },
      username: account.username,
      sid: session!.id,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(account.id)
      .setIssuer('deped-enrollment')
      .setIssuedAt(now - 1200)
      .setExpirationTime(now - 300)
      .sign(authSecret());
    expect(await readsClassList(expired)).toMatchObject({ rule: 'TOKEN_EXPIRED' });
    const renewed = await server.graphql<{
      renewSession: { token: string; expiresAt: string; account: { username: string } };
    }>(
      'mutation($t: String!) { renewSession(token: $t) { token expiresAt account { username } } }',
      { t: expired },
    );
    expect(renewed.errors).toBeUndefined();
    expect(renewed.data!.renewSession.account.username).toBe(account.username);
    expect(await readsClassList(renewed.data!.renewSession.token)).toBe('read');
    // A token we did not sign renews nothing.
    const forged = await server.graphql(
      'mutation($t: String!) { renewSession(token: $t) { token } }',
      { t: expired.slice(0, -4) + 'AAAA' },
    );
    expect(forged.errors?.[0]?.extensions).toMatchObject({ rule: 'TOKEN_INVALID' });
  });
});

describe('sign-in limits: per username from one address, and per address', () => {
  const wrong = `mutation($u: String!) { login(username: $u, password: "wrong") { token } }`;

  it('a user locked out from one address still signs in from another', async () => {
    const account = await registrar();
    const attacker = '127.0.0.2';
    const codes: unknown[] = [];
    for (let i = 0; i <= config.loginRatePerMinute; i++) {
      const answer = await postFrom(attacker, wrong, { u: account.username });
      codes.push(answer.errors?.[0]?.extensions?.code);
    }
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    const fromAttacker = await postFrom(
      attacker,
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
      { u: account.username, p: account.password },
    );
    expect(fromAttacker.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const fromUser = await postFrom(
      '127.0.0.3',
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
      { u: account.username, p: account.password },
    );
    expect(fromUser.errors).toBeUndefined();
  });

  it('one address cannot spray passwords over many usernames', async () => {
    const codes: unknown[] = [];
    for (let i = 0; i <= config.loginAddressRatePerMinute; i++) {
      const answer = await postFrom('127.0.0.4', wrong, { u: `nobody_${i}` });
      codes.push(answer.errors?.[0]?.extensions?.code);
    }
    expect(codes.slice(0, -1).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
  });

  it('a username given as a variable default, or in aliases, counts against that username', async () => {
    const account = await registrar();
    const address = '127.0.0.5';
    const byDefault = `mutation($u: String = "${account.username}") { login(username: $u, password: "wrong") { token } }`;
    for (let i = 0; i < config.loginRatePerMinute - 1; i++) {
      const answer = await postFrom(address, byDefault);
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    // Aliases in one mutation: the first is tried (and counted) and fails, which ends the request.
    const aliases = await postFrom(
      address,
      `mutation { ${['a', 'b', 'c'].map((a) => `${a}: login(username: "${account.username}", password: "wrong") { token }`).join(' ')} }`,
    );
    expect(aliases.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    // The default and the aliases used the username's allowance: none is left for it here.
    const explicit = await postFrom(address, wrong, { u: account.username });
    expect(explicit.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});
