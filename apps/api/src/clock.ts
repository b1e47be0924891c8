import { daysBetween } from '@repo/domain/civil-date';
import { toCivilDate } from '@repo/domain/learner-profile';
import { appToday } from './config.js';

// One formatter: toLocaleDateString built one per call, 0.2 ms of each tracker request.
const manila = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Manila' });
const dayMs = 86_400_000;

/** The day a real instant falls on in the Philippines (YYYY-MM-DD): the policy's days are PHT. */
export function manilaDateOf(instant: Date): string {
  return manila.format(instant);
}

/**
 * The application's one clock: every "today" and "now" of the API comes from here. Production
 * reads the real time. Tests and demo runs pin it to a day (`APP_TODAY=2027-02-10`, or `pin`):
 * `today()` then stays on that day, and `now()` is the real instant moved by whole days onto it,
 * so tokens still expire and timestamps still advance while the policy's day holds still. The whole
 * days are counted from one real day, the first pin's, so pinning another day moves `now()` by
 * exactly the days between the two pins, even when Manila's midnight falls between them (counted
 * from each pin's own real day, a pin to tomorrow made just after midnight left `now()` where it
 * was: a rate limit's minute did not pass, which failed CI at 00:00 PHT).
 * Durations (how long a request took) are not the time of day and use `performance.now()`.
 */
export class Clock {
  private pinned: { day: string; offsetMs: number } | null = null;
  /** The real Manila day the first pin was counted from; every later pin counts from it too. */
  private anchorDay: string | null = null;

  /** Today in the Philippines, YYYY-MM-DD: the day the policy judges. */
  today(): string {
    return this.pinned?.day ?? manilaDateOf(new Date());
  }

  /** The current instant (moved onto the pinned day, when pinned). */
  now(): Date {
    return new Date(Date.now() + (this.pinned?.offsetMs ?? 0));
  }

  /** Whether a day is pinned, and which. */
  pinnedDay(): string | null {
    return this.pinned?.day ?? null;
  }

  /** Holds "today" on a day until `unpin`; refuses what is not a real date. */
  pin(day: string): void {
    if (!toCivilDate(day))
      throw new Error(`The clock pins to a real date (YYYY-MM-DD), not ${day}`);
    this.anchorDay ??= manilaDateOf(new Date());
    this.pinned = { day, offsetMs: daysBetween(this.anchorDay, day) * dayMs };
  }

  unpin(): void {
    this.pinned = null;
  }
}

export const clock = new Clock();

if (appToday) clock.pin(appToday);
