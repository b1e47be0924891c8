/** The signed-in token, kept across tabs and reloads until it expires or the user signs out. */
const key = 'deped.session';

interface StoredSession {
  token: string;
  expiresAt: string;
}

export function readToken(now = Date.now()): string | null {
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
