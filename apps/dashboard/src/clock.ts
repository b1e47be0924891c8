import { print } from 'graphql';
import { useSyncExternalStore } from 'react';
import { graphql } from './gql/index.js';
import { type DashboardClockQuery } from './gql/graphql.js';

const ClockQuery = graphql(`
  query DashboardClock {
    clock {
      today
      now
      pinned
    }
  }
`);

const manilaOffsetMs = 8 * 3_600_000;

/** The day an instant falls on in the Philippines (UTC+8, no daylight saving): the policy's day. */
export function manilaDateOf(ms: number): string {
  return new Date(ms + manilaOffsetMs).toISOString().slice(0, 10);
}

/** How the dashboard's clock stands to the browser's. */
export interface ClockReading {
  /** Server time minus browser time, in milliseconds. */
  offsetMs: number;
  /** The server's day when the server holds it still (tests, demos: APP_TODAY); else null. */
  pinnedDay: string | null;
}

/** The browser's own time: what the clock shows until the server has answered, or if it never does. */
export const browserTime: ClockReading = { offsetMs: 0, pinnedDay: null };

/**
 * A reading from the server's answer. The server read its clock somewhere between the request
 * leaving and the answer arriving: the midpoint is the best guess, off by at most half the round
 * trip. Null when the answer is not a clock.
 */
export function toReading(
  answer: DashboardClockQuery['clock'],
  sentAt: number,
  receivedAt: number,
): ClockReading | null {
  const serverNow = Date.parse(String(answer.now));
  if (Number.isNaN(serverNow) || !/^\d{4}-\d{2}-\d{2}$/.test(answer.today)) return null;
  return {
    offsetMs: Math.round(serverNow - (sentAt + receivedAt) / 2),
    pinnedDay: answer.pinned ? answer.today : null,
  };
}

/**
 * The dashboard's one clock: every "today" and "now" of its screens comes from here, following the
 * server's, which is the clock the policy is judged on (the API refuses a date after its today,
 * and signs tokens with its now). The browser's clock may be wrong, or the server may be pinned to
 * another day; either way a default date the screen offers must be one the API accepts.
 */
export class Clock {
  private reading: ClockReading = browserTime;
  private shownDay: string;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly browserNow: () => number = () => Date.now()) {
    this.shownDay = this.today();
  }

  /** The current instant on the server's clock. */
  now(): Date {
    return new Date(this.browserNow() + this.reading.offsetMs);
  }

  /** Today in the Philippines on the server's clock, YYYY-MM-DD. */
  today(): string {
    return this.reading.pinnedDay ?? manilaDateOf(this.now().getTime());
  }

  /** A new reading (or none: the last one stays); tells the subscribers when the day has changed. */
  set(reading: ClockReading | null): void {
    if (reading) this.reading = reading;
    const day = this.today();
    if (day === this.shownDay) return;
    this.shownDay = day;
    for (const listener of this.listeners) listener();
  }

  /** Called when `set` moves the day on (a page left open over midnight). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The day subscribers were last told of: a stable snapshot for React. */
  day = (): string => this.shownDay;
}

export const clock = new Clock();

/** Today on the dashboard's clock; the component renders again when the day moves on. */
export function useToday(): string {
  return useSyncExternalStore(clock.subscribe, clock.day);
}

/** The server's clock, or null if it does not answer within `timeoutMs`. */
export async function fetchServerClock(
  uri: string,
  timeoutMs: number,
  browserNow: () => number = () => Date.now(),
): Promise<ClockReading | null> {
  const sentAt = browserNow();
  try {
    const response = await fetch(uri, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operationName: 'DashboardClock', query: print(ClockQuery) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const receivedAt = browserNow();
    if (!response.ok) return null;
    const body = (await response.json()) as { data?: DashboardClockQuery | null };
    return body.data?.clock ? toReading(body.data.clock, sentAt, receivedAt) : null;
  } catch {
    return null;
  }
}

/**
 * Follows the server's clock: reads it once (the promise settles when it has answered, or after
 * `timeoutMs` with the browser's time), then every `everyMs`, so that a page left open moves on to
 * the next day with the server and a drifting browser clock is corrected.
 */
export async function followServerClock({
  uri = '/graphql',
  timeoutMs = 2_500,
  everyMs = 10 * 60_000,
  target = clock,
}: { uri?: string; timeoutMs?: number; everyMs?: number; target?: Clock } = {}): Promise<void> {
  const sync = async () => target.set(await fetchServerClock(uri, timeoutMs));
  await sync();
  setInterval(() => void sync(), everyMs);
}
