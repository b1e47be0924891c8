import { clock } from '../../clock.js';

/** The signed-in token, kept across tabs and reloads until it expires or the user signs out. */
const key = 'deped.session';

interface StoredSession {
  token: string;
  expiresAt: string;
}

/** The token, unless it has expired: `expiresAt` is on the server's clock, and so is `clock.now()`. */
export function readToken(now = clock.now().getTime()): string | null {
  const raw = localStorage.getItem(key);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as StoredSession;
    if (Date.parse(session.expiresAt) <= now) {
      localStorage.removeItem(key);
      return null;
    }
    return session.token;
  } catch {
    localStorage.removeItem(key);
    return null;
  }
}

export function saveSession(session: StoredSession) {
  localStorage.setItem(key, JSON.stringify(session));
}

export function clearSession() {
  localStorage.removeItem(key);
}
