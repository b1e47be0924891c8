import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSession, endSession, isSignedIn, saveSession, subscribeSession } from './session.js';

// The page's side of the cookie session (issue 19): the API's side (the cookie, its renewal,
// cross-site refusal) is tested in apps/api (session-cookie.test.ts); here `fetch` stands for it.
const now = Date.parse('2027-11-20T02:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('the session as the page knows it', () => {
  it('is open until the session ends, and keeps nothing but that time', () => {
    saveSession({ sessionExpiresAt: iso(now + 3_600_000) });
    expect(isSignedIn(now)).toBe(true);
    expect(localStorage.getItem('deped.session')).toBe(
      JSON.stringify({ sessionExpiresAt: iso(now + 3_600_000) }),
    );
    expect(isSignedIn(now + 3_600_000)).toBe(false);
    expect(localStorage.getItem('deped.session')).toBeNull();
  });

  it('tells who listens when it opens and ends, here and in another tab (issue 21)', () => {
    const heard = vi.fn();
    const stop = subscribeSession(heard);
    saveSession({ sessionExpiresAt: iso(now + 3_600_000) });
    expect(heard).toHaveBeenCalledTimes(1);
    clearSession();
    expect(heard).toHaveBeenCalledTimes(2);
    clearSession();
    expect(heard).toHaveBeenCalledTimes(2);
    window.dispatchEvent(new StorageEvent('storage', { key: 'deped.session' }));
    expect(heard).toHaveBeenCalledTimes(3);
    window.dispatchEvent(new StorageEvent('storage', { key: 'another.key' }));
    expect(heard).toHaveBeenCalledTimes(3);
    stop();
    saveSession({ sessionExpiresAt: iso(now + 3_600_000) });
    expect(heard).toHaveBeenCalledTimes(3);
  });

  it('drops a session stored before issue 19 with its token in it', () => {
    localStorage.setItem(
      'deped.session',
      JSON.stringify({
        token: 'ey.secret',
        expiresAt: iso(now),
        sessionExpiresAt: iso(now + 60_000),
      }),
    );
    expect(isSignedIn(now)).toBe(false);
    expect(localStorage.getItem('deped.session')).toBeNull();
  });

  it('drops what it cannot read', () => {
    localStorage.setItem('deped.session', '{not json');
    expect(isSignedIn(now)).toBe(false);
    expect(localStorage.getItem('deped.session')).toBeNull();
  });

  it('signs out on the server (the cookie goes with the request) and forgets the session', async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response('{"data":{"logout":true}}')));
    vi.stubGlobal('fetch', fetch);
    saveSession({ sessionExpiresAt: iso(now + 3_600_000) });
    await endSession('/graphql');
    expect(isSignedIn(now)).toBe(false);
    expect(fetch).toHaveBeenCalledWith(
      '/graphql',
      expect.objectContaining({ method: 'POST', credentials: 'same-origin' }),
    );
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.body as string).toContain('logout');
    expect(init.headers).not.toHaveProperty('authorization');
  });

  it('forgets the session even when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    );
    saveSession({ sessionExpiresAt: iso(now + 3_600_000) });
    await endSession('/graphql');
    expect(isSignedIn(now)).toBe(false);
  });
});
