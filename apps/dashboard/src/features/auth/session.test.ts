import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentToken, readToken, saveSession } from './session.js';

// The dashboard's side of sessions (issue 18): the API's side, in PostgreSQL, is tested in
// apps/api (sessions.test.ts); here `fetch` stands for that server.
const now = Date.parse('2027-11-20T02:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function answering(body: unknown) {
  const fetch = vi.fn(() => Promise.resolve(new Response(JSON.stringify(body))));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('the stored session and its renewal', () => {
  it('sends a token with more than a minute left as it is', async () => {
    const fetch = answering({});
    saveSession({
      token: 'a',
      expiresAt: iso(now + 5 * 60_000),
      sessionExpiresAt: iso(now + 3_600_000),
    });
    expect(await currentToken('/graphql', now)).toBe('a');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('renews a token about to expire, once for the requests that wait together, and keeps the next', async () => {
    const next = {
      token: 'b',
      expiresAt: iso(now + 15 * 60_000),
      sessionExpiresAt: iso(now + 3_600_000),
    };
    const fetch = answering({ data: { renewSession: next } });
    saveSession({
      token: 'a',
      expiresAt: iso(now - 1_000),
      sessionExpiresAt: next.sessionExpiresAt,
    });
    const tokens = await Promise.all([
      currentToken('/graphql', now),
      currentToken('/graphql', now),
    ]);
    expect(tokens).toEqual(['b', 'b']);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(readToken(now)).toBe('b');
  });

  it('forgets a session the server has ended', async () => {
    answering({ data: null, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    saveSession({ token: 'a', expiresAt: iso(now), sessionExpiresAt: iso(now + 3_600_000) });
    expect(await currentToken('/graphql', now)).toBeNull();
    expect(readToken(now)).toBeNull();
  });

  it('has nothing to send once the session itself has expired', async () => {
    const fetch = answering({});
    saveSession({ token: 'a', expiresAt: iso(now - 60_000), sessionExpiresAt: iso(now - 1) });
    expect(await currentToken('/graphql', now)).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});
