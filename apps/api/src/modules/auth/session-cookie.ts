import type express from 'express';
import { GraphQLError } from 'graphql';
import { decodeJwt } from 'jose';
import { type DataSource } from 'typeorm';
import { clock } from '../../clock.js';
import { accessTokenTtlSeconds, config } from '../../config.js';
import { renewSession, type SignIn, verifyToken } from './auth.service.js';
import { type Viewer } from './viewer.js';

/**
 * The dashboard's session (issue 19): its access token in a cookie that no script can read
 * (HttpOnly), sent to this site alone (SameSite=Strict), over HTTPS alone when the request came
 * by HTTPS or in production (Secure), kept until the session ends. The server renews the token inside it as it
 * nears its end, so the page never holds a token. API clients keep `Authorization: Bearer`, which
 * wins when both are sent.
 */
export const sessionCookieName = 'deped_session';

/** Renewed on a request when less than half of the access token's time is left. */
const renewWithinMs = (accessTokenTtlSeconds * 1000) / 2;

/** The request's session cookie and the means to set or clear it on its response. */
export interface SessionCookie {
  /** The token the cookie carries; null when there is none. */
  token: string | null;
  /**
   * Whether the browser says the request came from another site (Sec-Fetch-Site, else an Origin
   * that is not this host): a cookie is then not honoured, whatever SameSite did.
   */
  crossSite: boolean;
  set(signIn: Pick<SignIn, 'token' | 'sessionExpiresAt'>): void;
  clear(): void;
}

/** The cookie of one request; `set` and `clear` write to its response. */
export function sessionCookie(req: express.Request, res: express.Response): SessionCookie {
  const options = {
    httpOnly: true,
    sameSite: 'strict' as const,
    // HTTPS here, or a deployment (which is served over HTTPS behind its proxy).
    secure: req.secure || config.production,
    path: '/',
  };
  return {
    token: cookieValue(req.headers.cookie, sessionCookieName),
    crossSite: isCrossSite(req),
    set: ({ token, sessionExpiresAt }) =>
      res.cookie(sessionCookieName, token, { ...options, expires: sessionExpiresAt }),
    clear: () => res.clearCookie(sessionCookieName, options),
  };
}

/** One cookie's value from a Cookie header (null when absent or empty). */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name && value.length > 0) return value.join('=') || null;
  }
  return null;
}

function isCrossSite(req: express.Request): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/**
 * The viewer of a request signed in by cookie (null without one): refused when it came from another site (403
 * CROSS_SITE_REQUEST), renewed when its token nears its end or has passed it. A cookie whose
 * session has ended is cleared and the request goes on unsigned (null): an operation that needs
 * a sign-in answers 401, and `login` still works.
 */
export async function viewerOfCookie(
  dataSource: DataSource,
  cookie: SessionCookie,
): Promise<Viewer | null> {
  if (!cookie.token) return null;
  if (cookie.crossSite)
    throw new GraphQLError('A signed-in request must come from this site', {
      extensions: { code: 'FORBIDDEN', rule: 'CROSS_SITE_REQUEST', http: { status: 403 } },
    });
  try {
    let token = cookie.token;
    if (expiresAt(token) - clock.now().getTime() < renewWithinMs) {
      const next = await renewSession(dataSource, token);
      cookie.set(next);
      token = next.token;
    }
    return await verifyToken(dataSource, token);
  } catch (error) {
    // A cookie that signs in nobody is dropped, so the browser stops sending it (a database
    // that is away says nothing of the session: the cookie stays).
    if (!(error instanceof GraphQLError) || error.extensions.code !== 'UNAUTHENTICATED')
      throw error;
    cookie.clear();
    return null;
  }
}

function expiresAt(token: string): number {
  try {
    return (decodeJwt(token).exp ?? 0) * 1000;
  } catch {
    throw new GraphQLError('Invalid token', {
      extensions: { code: 'UNAUTHENTICATED', rule: 'TOKEN_INVALID', http: { status: 401 } },
    });
  }
}
