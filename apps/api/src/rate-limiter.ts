import { clock } from './clock.js';
import { config } from './config.js';

/** A sliding window of one minute per key, in this process (one API process per deployment). */
export class RateLimiter {
  private readonly calls = new Map<string, number[]>();

  constructor(private readonly now: () => number = () => clock.now().getTime()) {}

  /** Records a call; false when the key has used up its calls in the last minute. */
  take(key: string, perMinute: number): boolean {
    const now = this.now();
    const recent = (this.calls.get(key) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= perMinute) {
      this.calls.set(key, recent);
      return false;
    }
    recent.push(now);
    this.calls.set(key, recent);
    // Keys of users gone quiet are dropped now and then, so the map does not grow for ever.
    if (this.calls.size > 10_000) {
      for (const [k, times] of this.calls)
        if (times.every((t) => now - t >= 60_000)) this.calls.delete(k);
    }
    return true;
  }
}

/**
 * Whether a sign-in may be tried (issue 18): per username *from one client address*
 * (LOGIN_RATE_PER_MINUTE), so guessing one user's password from one address cannot lock the user
 * out at another; and per address whatever the username (LOGIN_ADDRESS_RATE_PER_MINUTE), so one
 * address cannot spray passwords over many users. Called with the values the resolver received,
 * after variables and their defaults are applied: there is no key a request can leave empty.
 */
export function takeLogin(limiter: RateLimiter, username: string, address: string): boolean {
  const user = username.trim().toLowerCase();
  return (
    limiter.take(`login-address:${address}`, config.loginAddressRatePerMinute) &&
    limiter.take(`login:${address}:${user}`, config.loginRatePerMinute)
  );
}
