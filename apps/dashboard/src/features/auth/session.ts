import { clock } from '../../clock.js';

/**
 * The signed-in session, kept across tabs and reloads until it ends or the user signs out: its
 * current access token (a quarter of an hour) and when the session itself ends (a working day).
 * The token is renewed before it expires (`currentToken`), and the server refuses it as soon as
 * the session ends there (sign-out, a disabled account): issue 18.
 */
const key = 'deped.session';

export interface StoredSession {
  token: string;
  /** When the access token expires, on the server's clock (as `clock.now()` is). */
  expiresAt: string;
  /** When the session ends at the latest; absent in sessions stored before issue 18. */
  sessionExpiresAt?: string;
}

function readSession(now: number): StoredSession | null {
  const raw = localStorage.getItem(key);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as StoredSession;
    if (Date.parse(session.sessionExpiresAt ?? session.expiresAt) <= now) {
      localStorage.removeItem(key);
      return null;
    }
    return session;
  } catch {
    localStorage.removeItem(key);
    return null;
  }
}

/** The token, while its session lasts (it may need renewing before it is sent: `currentToken`). */
export function readToken(now = clock.now().getTime()): string | null {
  return readSession(now)?.token ?? null;
}

export function saveSession(session: StoredSession) {
  localStorage.setItem(key, JSON.stringify(session));
}

export function clearSession() {
  localStorage.removeItem(key);
}

const renewMutation = `mutation RenewSession($token: String!) {
  renewSession(token: $token) { token expiresAt sessionExpiresAt }
}`;
/** Renew this long before the access token expires. */
const renewAheadMs = 60_000;
let renewing: Promise<string | null> | null = null;

/**
 * The token to send now: renewed first when it expires within a minute (one renewal at a time,
 * shared by the requests that wait for it). A session the server has ended is forgotten here too.
 */
export function currentToken(uri: string, now = clock.now().getTime()): Promise<string | null> {
  const session = readSession(now);
  if (!session) return Promise.resolve(null);
  if (Date.parse(session.expiresAt) - now > renewAheadMs) return Promise.resolve(session.token);
  renewing ??= renew(uri, session.token).finally(() => {
    renewing = null;
  });
  return renewing;
}

async function renew(uri: string, token: string): Promise<string | null> {
  try {
    const response = await fetch(uri, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: renewMutation, variables: { token } }),
    });
    const body = (await response.json()) as {
      data?: { renewSession: StoredSession } | null;
      errors?: { extensions?: { code?: string } }[];
    };
    if (body.data?.renewSession) {
      saveSession(body.data.renewSession);
      return body.data.renewSession.token;
    }
    if (body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) clearSession();
    return null;
  } catch {
    // The network failed: keep the session, and send the token as it is.
    return token;
  }
}

/** Signs out: the server ends the session (its tokens are refused from then on), then it is forgotten. */
export async function endSession(uri = '/graphql'): Promise<void> {
  const token = readToken();
  clearSession();
  if (!token) return;
  try {
    await fetch(uri, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation Logout { logout }' }),
    });
  } catch {
    // Offline: the session still ends on the server when it expires.
  }
}
