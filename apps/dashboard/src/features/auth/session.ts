import { clock } from '../../clock.js';
import { clearDrafts } from './form-drafts.js';

/**
 * The signed-in session as the page knows it (issue 19). Its token is in an HttpOnly,
 * SameSite=Strict cookie that the server sets at sign-in and renews as it nears its end: no
 * script in the page can read it, an injected one included. The page keeps only when the session
 * ends, to know across tabs and reloads whether to ask for the account or offer sign-in; a
 * request the server answers UNAUTHENTICATED forgets it (apollo.ts).
 */
const key = 'deped.session';

export interface StoredSession {
  /** When the session ends at the latest, on the server's clock (as `clock.now()` is). */
  sessionExpiresAt: string;
}

function readSession(now: number): StoredSession | null {
  const raw = localStorage.getItem(key);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Partial<StoredSession> & { token?: unknown };
    // A session stored before issue 19 holds its token here: dropped, so none is left to read.
    if (session.token !== undefined || !session.sessionExpiresAt) throw new Error('old session');
    if (Date.parse(session.sessionExpiresAt) <= now) throw new Error('ended');
    return { sessionExpiresAt: session.sessionExpiresAt };
  } catch {
    localStorage.removeItem(key);
    return null;
  }
}

/** Whether a session is open (as far as the page knows: the server has the last word). */
export function isSignedIn(now = clock.now().getTime()): boolean {
  return readSession(now) !== null;
}

/**
 * Who is told when the session opens or ends, so the header follows a sign-in and a sign-out at
 * once (issue 21), in this tab and, through the storage event, in the others.
 */
const listeners = new Set<() => void>();
const tell = () => listeners.forEach((listener) => listener());

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  const fromAnotherTab = (event: StorageEvent) => {
    if (event.key === key || event.key === null) listener();
  };
  window.addEventListener('storage', fromAnotherTab);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', fromAnotherTab);
  };
}

export function saveSession(session: StoredSession) {
  localStorage.setItem(key, JSON.stringify({ sessionExpiresAt: session.sessionExpiresAt }));
  tell();
}

export function clearSession() {
  const had = localStorage.getItem(key) !== null;
  localStorage.removeItem(key);
  if (had) tell();
}

/**
 * Signs out: the server ends the session and clears its cookie, then the page forgets it and the
 * tab's half-filled forms (form-drafts.ts: a learner's data is not left for the next user).
 */
export async function endSession(uri = '/graphql'): Promise<void> {
  clearSession();
  clearDrafts();
  try {
    await fetch(uri, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation Logout { logout }' }),
    });
  } catch {
    // Offline: the session still ends on the server when it expires.
  }
}
