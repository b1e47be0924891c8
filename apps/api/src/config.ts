import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.js';
import { toCivilDate } from '@repo/domain/learner-profile';

const production = process.env.NODE_ENV === 'production';

/** Demo mode (SPEC §7): the default of `npm start`, never with NODE_ENV=production. */
export const demoMode = !production && process.env.DEMO_MODE !== 'false';

/**
 * The day the application's clock is pinned to (APP_TODAY=YYYY-MM-DD), for tests and demo runs; a
 * real server reads the real time, so production refuses it.
 */
export const appToday = readAppToday();

function readAppToday(): string | null {
  const value = process.env.APP_TODAY?.trim();
  if (!value) return null;
  if (production)
    throw new Error('APP_TODAY pins the clock for tests and demos: not with NODE_ENV=production');
  if (!toCivilDate(value))
    throw new Error(`APP_TODAY must be a real date, YYYY-MM-DD: not "${value}"`);
  return value;
}

/** How long a sign-in lasts: a working day. */
export const tokenTtlSeconds = Number(process.env.TOKEN_TTL_SECONDS ?? 8 * 60 * 60);

/**
 * The key that signs tokens: AUTH_SECRET, required in production. Elsewhere one is made on first
 * use and kept in the git-ignored .data folder, so a restart does not sign everybody out.
 */
let cachedSecret: Uint8Array | null = null;

export function authSecret(): Uint8Array {
  cachedSecret ??= loadAuthSecret();
  return cachedSecret;
}

function loadAuthSecret(): Uint8Array {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('AUTH_SECRET must be at least 32 characters');
    return new TextEncoder().encode(fromEnv);
  }
  if (production) throw new Error('AUTH_SECRET must be set when NODE_ENV=production');
  const file = path.join(repoRoot, '.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
