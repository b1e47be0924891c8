import { hkdfSync } from 'node:crypto';
import { SsoRefusal } from '@repo/domain/sign-in';
import express from 'express';
import { EncryptJWT, jwtDecrypt } from 'jose';
import * as client from 'openid-client';
import { type DataSource } from 'typeorm';
import { clock } from '../../clock.js';
import { authSecret, config, type OidcSettings } from '../../config.js';
import { log, redact } from '../ops/log.js';
import { cookieValue, sessionCookie } from './session-cookie.js';
import { signInBySso, type SsoIdentity } from './sso.service.js';

// Single sign-on with OpenID Connect (issue 20): the authorization code flow with PKCE (S256),
// state and nonce, through openid-client. `/auth/oidc/start` sends the browser to the provider;
// the provider sends it back to `/auth/oidc/callback`, which exchanges the code, reads the
// verified e-mail address and signs in the account an administrator provisioned with it
// (sso.service.ts). Either way the browser lands on the dashboard's sign-in page: with
// `?sso=SIGNED_IN` and the session cookie, or with `?sso=<refusal>` for the page to explain.

/** The sign-in under way in one browser, kept in its cookie until the provider sends it back. */
interface Pending {
  verifier: string;
  state: string;
  nonce: string;
  /** The dashboard path to open afterwards (the sign-in page's `next`). */
  next: string | null;
}

const pendingCookieName = 'deped_sso';
/** How long one may take at the provider (typing a password, a second factor). */
const pendingSeconds = 600;
const scope = 'openid email';

/** The routes under `/auth/oidc`; without settings they only say single sign-on is off. */
export function oidcRoutes(dataSource: DataSource, settings: OidcSettings | null): express.Router {
  const router = express.Router();
  if (!settings) {
    router.get(['/start', '/callback'], (_req, res) => refuse(res, SsoRefusal.SSO_OFF));
    return router;
  }
  const provider = discovered(settings);

  router.get('/start', async (req, res) => {
    const pending: Pending = {
      verifier: client.randomPKCECodeVerifier(),
      state: client.randomState(),
      nonce: client.randomNonce(),
      next: appPath(req.query.next),
    };
    let authorizationUrl: URL;
    try {
      authorizationUrl = client.buildAuthorizationUrl(await provider(), {
        redirect_uri: settings.redirectUrl,
        scope,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
      });
    } catch (error) {
      log('warn', 'auth.sso_unavailable', { message: redact(String(error)) });
      return refuse(res, SsoRefusal.SSO_UNAVAILABLE);
    }
    res.cookie(pendingCookieName, await seal(pending), {
      ...pendingCookie(req),
      maxAge: pendingSeconds * 1000,
    });
    res.redirect(authorizationUrl.href);
  });

  router.get('/callback', async (req, res) => {
    const pending = await unseal(cookieValue(req.headers.cookie, pendingCookieName));
    res.clearCookie(pendingCookieName, pendingCookie(req));
    // The address the provider sent the browser to, on PUBLIC_URL: never the request's Host.
    const current = new URL(settings.redirectUrl);
    const query = req.originalUrl.indexOf('?');
    current.search = query < 0 ? '' : req.originalUrl.slice(query);
    const answer = current.searchParams;
    if (!pending || answer.get('state') !== pending.state)
      return refuse(res, SsoRefusal.SSO_EXPIRED);
    if (answer.has('error'))
      return refuse(
        res,
        answer.get('error') === 'access_denied' ? SsoRefusal.SSO_CANCELLED : SsoRefusal.SSO_FAILED,
      );
    let identity: SsoIdentity;
    try {
      identity = await identify(await provider(), current, pending);
    } catch (error) {
      log('warn', 'auth.sso_failed', { message: redact(String(error)) });
      return refuse(res, SsoRefusal.SSO_FAILED);
    }
    const outcome = await signInBySso(dataSource, identity, req.socket.remoteAddress ?? null);
    if (!outcome.ok) return refuse(res, outcome.reason, outcome.email);
    sessionCookie(req, res).set(outcome.signIn);
    const next = pending.next ? `&next=${encodeURIComponent(pending.next)}` : '';
    res.redirect(`/login?sso=SIGNED_IN${next}`);
  });
  return router;
}

/**
 * The provider's metadata, discovered on first use and kept; a failed discovery is tried again
 * by the next sign-in. http:// is allowed only outside production (config.ts refuses it there).
 */
function discovered(settings: OidcSettings): () => Promise<client.Configuration> {
  let found: Promise<client.Configuration> | null = null;
  return () => {
    found ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        // client_secret_basic: OpenID Connect's default method, which every provider accepts.
        settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
        {
          execute: settings.issuer.startsWith('http:') ? [client.allowInsecureRequests] : [],
          timeout: 10,
        },
      )
      .catch((error: unknown) => {
        found = null;
        throw error;
      });
    return found;
  };
}

/**
 * The code exchanged (with the PKCE verifier; the ID token's signature, issuer, audience and
 * nonce checked by openid-client) for who signed in: the e-mail claims from the ID token, or
 * from the UserInfo endpoint when the provider keeps them there (as oidc-provider does).
 */
async function identify(
  provider: client.Configuration,
  current: URL,
  pending: Pending,
): Promise<SsoIdentity> {
  const tokens = await client.authorizationCodeGrant(provider, current, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('The provider gave no ID token');
  if (claims.email !== undefined && claims.email_verified !== undefined)
    return { subject: claims.sub, email: claims.email, email_verified: claims.email_verified };
  const info = await client.fetchUserInfo(provider, tokens.access_token, claims.sub);
  return { subject: claims.sub, email: info.email, email_verified: info.email_verified };
}

/**
 * Back to the sign-in page with why. The address goes in the fragment, which the browser keeps
 * to itself: no server or proxy log between here and the page records it.
 */
function refuse(res: express.Response, reason: SsoRefusal, email: string | null = null) {
  const fragment = email ? `#email=${encodeURIComponent(email)}` : '';
  res.redirect(`/login?sso=${reason}${fragment}`);
}

/** `next` when it is a path of this site (never another site's address), else null. */
function appPath(next: unknown): string | null {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) && next.length <= 500 ? next : null;
}

/**
 * The pending sign-in's cookie: HttpOnly, for `/auth/oidc` alone, SameSite=Lax rather than the
 * session's Strict because the provider's site sends the browser back here (a top-level GET,
 * which Lax lets through and Strict would not).
 */
function pendingCookie(req: express.Request): express.CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure || config.production,
    path: '/auth/oidc',
  };
}

let pendingKey: Uint8Array | null = null;

/** The pending sign-in's own key (A256GCM), derived from AUTH_SECRET. */
function sealKey(): Uint8Array {
  pendingKey ??= new Uint8Array(
    hkdfSync('sha256', authSecret(), new Uint8Array(0), 'deped-enrollment sso pending', 32),
  );
  return pendingKey;
}

/** Encrypted as well as sealed: the PKCE verifier is a secret until the code is exchanged. */
function seal(pending: Pending): Promise<string> {
  const now = Math.floor(clock.now().getTime() / 1000);
  return new EncryptJWT({ ...pending })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(now)
    .setExpirationTime(now + pendingSeconds)
    .encrypt(sealKey());
}

/** The pending sign-in, or null when the cookie is missing, forged, or too old. */
async function unseal(token: string | null): Promise<Pending | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, sealKey(), {
      currentDate: clock.now(),
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    const { verifier, state, nonce, next } = payload;
    if (typeof verifier !== 'string' || typeof state !== 'string' || typeof nonce !== 'string')
      return null;
    return { verifier, state, nonce, next: appPath(next) };
  } catch {
    return null;
  }
}
