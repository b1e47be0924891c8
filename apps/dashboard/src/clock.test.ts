import { afterEach, describe, expect, it, vi } from 'vitest';
import { Clock, fetchServerClock, manilaDateOf, toReading } from './clock.js';

const at = (iso: string) => Date.parse(iso);

describe('the dashboard’s clock follows the server’s (issue 16)', () => {
  it.each([
    ['2026-11-26T16:30:00Z', '2026-11-27'],
    ['2026-11-26T15:59:59Z', '2026-11-26'],
    ['2028-02-28T16:00:00Z', '2028-02-29'],
  ])('%s is %s in the Philippines (UTC+8)', (instant, day) => {
    expect(manilaDateOf(at(instant))).toBe(day);
  });

  it.each([
    [
      'a pinned server: its day, and its instant against the midpoint of the round trip',
      { today: '2027-11-20', now: '2027-11-20T02:00:00.000Z', pinned: true },
      {
        offsetMs: at('2027-11-20T02:00:00Z') - at('2026-12-04T10:00:00.100Z'),
        pinnedDay: '2027-11-20',
      },
    ],
    [
      'a real clock: only the offset',
      { today: '2026-12-04', now: '2026-12-04T10:00:01.100Z', pinned: false },
      { offsetMs: 1_000, pinnedDay: null },
    ],
    ['not an instant', { today: '2026-12-04', now: 'soon', pinned: false }, null],
    ['not a day', { today: '4/12/2026', now: '2026-12-04T10:00:00Z', pinned: false }, null],
  ])('a reading from %s', (_, answer, expected) => {
    expect(toReading(answer, at('2026-12-04T10:00:00Z'), at('2026-12-04T10:00:00.200Z'))).toEqual(
      expected,
    );
  });

  function clockAt(iso: string) {
    let browser = at(iso);
    const clock = new Clock(() => browser);
    return { clock, advance: (ms: number) => (browser += ms) };
  }

  it('shows the browser’s time until the server answers', () => {
    const { clock } = clockAt('2026-12-04T17:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-12-04T17:00:00.000Z');
    expect(clock.today()).toBe('2026-12-05');
  });

  it('follows a pinned server: its day holds still, its now moves on', () => {
    const { clock, advance } = clockAt('2026-12-04T10:00:00Z');
    const offsetMs = at('2027-02-10T10:00:00Z') - at('2026-12-04T10:00:00Z');
    clock.set({ offsetMs, pinnedDay: '2027-02-10' });
    expect(clock.today()).toBe('2027-02-10');
    advance(20 * 3_600_000);
    expect(clock.now().toISOString()).toBe('2027-02-11T06:00:00.000Z');
    expect(clock.today()).toBe('2027-02-10');
  });

  it('follows a server whose clock differs from the browser’s, over midnight in Manila', () => {
    const { clock, advance } = clockAt('2026-12-04T15:50:00Z');
    // The browser is 15 minutes slow: it is already past midnight in Manila on the server.
    clock.set({ offsetMs: 15 * 60_000, pinnedDay: null });
    expect(clock.today()).toBe('2026-12-05');
    advance(24 * 3_600_000);
    expect(clock.today()).toBe('2026-12-06');
  });

  it('tells its subscribers when a reading moves the day on, and only then', () => {
    const { clock, advance } = clockAt('2026-12-04T10:00:00Z');
    const listener = vi.fn();
    const unsubscribe = clock.subscribe(listener);
    clock.set({ offsetMs: 60_000, pinnedDay: null });
    expect(listener).not.toHaveBeenCalled();
    expect(clock.day()).toBe('2026-12-04');
    // A page left open over midnight: the next sync, even one the server did not answer.
    advance(14 * 3_600_000);
    clock.set(null);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(clock.day()).toBe('2026-12-05');
    clock.set({ offsetMs: 0, pinnedDay: '2027-11-20' });
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    clock.set({ offsetMs: 0, pinnedDay: '2028-02-29' });
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('fetchServerClock', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const answer = (body: unknown, status = 200) =>
    vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status })));

  it('asks the API for its clock and reads the answer', async () => {
    const fetch = answer({
      data: { clock: { today: '2027-11-20', now: '2027-11-20T02:00:00.000Z', pinned: true } },
    });
    vi.stubGlobal('fetch', fetch);
    let browser = at('2027-11-20T01:59:59.000Z');
    const reading = await fetchServerClock('/graphql', 1_000, () => (browser += 500));
    expect(reading).toEqual({ offsetMs: 250, pinnedDay: '2027-11-20' });
    const [uri, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(uri).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toMatchObject({
      query: expect.stringMatching(/clock\s*{\s*today\s+now\s+pinned/) as unknown,
    });
  });

  it.each([
    ['an error status', answer({ errors: [{ message: 'down' }] }, 503)],
    ['an answer without data', answer({ errors: [{ message: 'no' }] })],
    ['a failed connection', vi.fn(() => Promise.reject(new TypeError('Failed to fetch')))],
  ])('falls back to the browser’s time on %s', async (_, fetch) => {
    vi.stubGlobal('fetch', fetch);
    expect(await fetchServerClock('/graphql', 1_000)).toBeNull();
  });

  it('gives up after its timeout', async () => {
    vi.stubGlobal(
      'fetch',
      (_: string, init: RequestInit) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    const started = performance.now();
    expect(await fetchServerClock('/graphql', 50)).toBeNull();
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
