import { afterEach, describe, expect, it, vi } from 'vitest';
import { Clock, manilaDateOf } from './clock.js';

/** The app's one clock, pinned as tests and demo runs pin it, while the real time moves on. */
afterEach(() => {
  vi.useRealTimers();
});

describe('Clock pinned to a day', () => {
  it('holds today, and moves now() by the days between pins even across Manila’s midnight', () => {
    vi.useFakeTimers();
    // 23:59:30 in Manila (UTC+8) on 2026-12-07.
    vi.setSystemTime(new Date('2026-12-07T15:59:30Z'));
    const clock = new Clock();
    clock.pin('2028-01-10');
    const before = clock.now().getTime();
    expect(clock.today()).toBe('2028-01-10');
    expect(manilaDateOf(clock.now())).toBe('2028-01-10');

    // A minute later the real day is 2026-12-08; the next pinned day is a whole day on.
    vi.setSystemTime(new Date('2026-12-07T16:00:30Z'));
    clock.pin('2028-01-11');
    expect(clock.today()).toBe('2028-01-11');
    expect(clock.now().getTime() - before).toBe(86_400_000 + 60_000);

    // Back to the first day: the minute that passed still counts.
    clock.pin('2028-01-10');
    expect(clock.now().getTime() - before).toBe(60_000);
  });

  it('refuses a day that is not a date, and reads the real day when unpinned', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-07T16:00:30Z'));
    const clock = new Clock();
    expect(() => clock.pin('2028-02-30')).toThrow(/real date/);
    expect(clock.today()).toBe('2026-12-08');
    clock.pin('2028-01-10');
    clock.unpin();
    expect(clock.today()).toBe('2026-12-08');
  });
});
