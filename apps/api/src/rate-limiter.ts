import { type DataSource } from 'typeorm';
import { clock } from './clock.js';
import { config } from './config.js';

/**
 * A sliding window of one minute per key, shared by every API process (issue 20): the calls are
 * rows in the database, counted and taken in one step by `take_rate_limit` (db/sql/rate-limit.sql),
 * so N workers allow what one would, and a lockout holds whichever worker the next try reaches.
 * `namespace` prefixes every key: processes of one deployment share the empty one; a test server
 * takes its own, so test files running side by side do not use up each other's calls.
 */
export class RateLimiter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly namespace = '',
  ) {}

  /** Records a call; false when the key has used up its calls in the last minute. */
  async take(key: string, perMinute: number): Promise<boolean> {
    const [row] = await this.dataSource.query<{ allowed: boolean }[]>(
      'SELECT take_rate_limit($1, $2, $3) AS allowed',
      [`${this.namespace}${key}`, perMinute, clock.now()],
    );
    return row!.allowed;
  }
}

/**
 * Whether a sign-in may be tried (issue 18): per username *from one client address*
 * (LOGIN_RATE_PER_MINUTE), so guessing one user's password from one address cannot lock the user
 * out at another; and per address whatever the username (LOGIN_ADDRESS_RATE_PER_MINUTE), so one
 * address cannot spray passwords over many users. Called with the values the resolver received,
 * after variables and their defaults are applied: there is no key a request can leave empty.
 */
export async function takeLogin(
  limiter: RateLimiter,
  username: string,
  address: string,
): Promise<boolean> {
  const user = username.trim().toLowerCase();
  return (
    (await limiter.take(`login-address:${address}`, config.loginAddressRatePerMinute)) &&
    (await limiter.take(`login:${address}:${user}`, config.loginRatePerMinute))
  );
}

/**
 * Deletes, every minute, the calls over a minute old of keys gone quiet (`take_rate_limit` deletes
 * a key's own as it counts), so the table holds about a minute of calls. Any process may sweep:
 * two sweeps at once delete the same rows once.
 */
export function startRateLimitSweeper(dataSource: DataSource, everyMs = 60_000): () => void {
  const timer = setInterval(() => {
    if (!dataSource.isInitialized) return;
    dataSource
      .query(`DELETE FROM rate_limit_call WHERE at <= $1::timestamptz - interval '1 minute'`, [
        clock.now(),
      ])
      // A database restart: the next sweep deletes what this one did not.
      .catch(() => undefined);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
