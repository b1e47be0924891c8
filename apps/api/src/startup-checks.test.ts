import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openOwnTestDatabase } from '../test/harness.js';
import { freePort } from './db/scratch-postgres.js';
import { setupCodeHash } from './modules/accounts/account-rules.js';
import { apiRoot } from './paths.js';

// Issue 20: a production start failed late or not at all (no secret: every login an internal
// error; a demo database: a foreign-key violation). Now it refuses at once, in one line on
// stderr and a non-zero exit, and `create-admin` gives a new deployment its first account. The
// built server is run as a deployment runs it (`node dist/main.js`; `npm test` builds it first).

const main = path.join(apiRoot, 'dist', 'main.js');
const createAdmin = path.join(apiRoot, 'dist', 'cli', 'create-admin.js');
const secret = 'x'.repeat(40);
let own: { dataSource: DataSource; url: string; drop(): Promise<void> };

beforeAll(async () => {
  for (const [built, source] of [
    [main, 'main.ts'],
    [path.join(apiRoot, 'dist', 'start.js'), 'start.ts'],
    [createAdmin, 'cli/create-admin.ts'],
  ] as const) {
    const stale =
      !existsSync(built) ||
      statSync(built).mtimeMs < statSync(path.join(apiRoot, 'src', source)).mtimeMs;
    if (stale)
      throw new Error(`${built} is missing or older than its source: npm run build -w @repo/api`);
  }
  own = await openOwnTestDatabase('startup');
});
afterAll(async () => {
  await own?.drop();
});

/** Runs a built script with exactly this environment (no APP_TODAY, which production refuses). */
async function run(script: string, env: Record<string, string>, args: string[] = []) {
  const port = String(await freePort());
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: port },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('a production start (issue 20)', () => {
  it.each<[string, Record<string, string>, RegExp]>([
    ['without DATABASE_URL', { AUTH_SECRET: secret }, /needs DATABASE_URL/],
    ['without AUTH_SECRET', { DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x' }, /needs AUTH_SECRET/],
    [
      'with an AUTH_SECRET under 32 characters',
      { DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x', AUTH_SECRET: 'short-secret' },
      /needs AUTH_SECRET of at least 32 characters/,
    ],
    // A setting that breaks its rule: read as the modules load, refused in one line all the same.
    [
      'with WEB_CONCURRENCY=0',
      { DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x', AUTH_SECRET: secret, WEB_CONCURRENCY: '0' },
      /^WEB_CONCURRENCY must be a whole number from 1 to 64: not "0"/,
    ],
    [
      'with OIDC_ISSUER but no client',
      {
        DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x',
        AUTH_SECRET: secret,
        OIDC_ISSUER: 'https://sso.deped.gov.ph',
      },
      /^OIDC_ISSUER needs OIDC_CLIENT_ID and PUBLIC_URL/,
    ],
  ])('refuses %s, in one line and a non-zero exit', async (_, env, line) => {
    const result = await run(main, { NODE_ENV: 'production', ...env });
    expect(result.code).not.toBe(0);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(line);
    expect(result.stdout).toBe('');
  });

  it('refuses a database used in demo mode, saying so, and deletes nothing', async () => {
    await own.dataSource.query(
      `INSERT INTO account (username, password_hash, display_name, role, is_demo)
       VALUES ('demo_admin_startup', 'x', 'Demo', 'ADMINISTRATOR', true)`,
    );
    const result = await run(main, {
      NODE_ENV: 'production',
      DATABASE_URL: own.url,
      AUTH_SECRET: secret,
    });
    expect(result.code).not.toBe(0);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(/^This database holds demo data \(1 demo accounts\)/),
    ]);
    const [{ left }] = await own.dataSource.query<[{ left: number }]>(
      'SELECT count(*)::int AS left FROM account WHERE is_demo',
    );
    expect(left).toBe(1);
    await own.dataSource.query('DELETE FROM account WHERE is_demo');
  });

  it('create-admin gives the first administrator a one-time code, stored as its hash', async () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: own.url, AUTH_SECRET: secret };
    const result = await run(createAdmin, env, [
      '--username',
      'first.admin',
      '--name',
      'Ana Admin',
    ]);
    expect(result.code).toBe(0);
    const code = /One-time code: (\S+)/.exec(result.stdout)?.[1];
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // The code is the one stored (its hash), for an administrator with no password yet, audited.
    // (Setting the password is accounts.test.ts's: this process's clock is pinned a year on.)
    const [admin] = await own.dataSource.query<
      { role: string; password_hash: string | null; setup_code_hash: string; events: number }[]
    >(
      `SELECT role, password_hash, setup_code_hash,
              (SELECT count(*)::int FROM audit_event e
                WHERE e.entity_id = a.id::text AND e.action = 'ACCOUNT_CREATED') AS events
         FROM account a WHERE username = 'first.admin'`,
    );
    expect(admin).toEqual({
      role: 'ADMINISTRATOR',
      password_hash: null,
      setup_code_hash: setupCodeHash(code!),
      events: 1,
    });
    const again = await run(createAdmin, env, ['--username', 'first.admin']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/USERNAME_TAKEN/);
    // The test server's database is untouched.
    expect(own.url).not.toBe(inject('databaseUrl'));
  });
});
