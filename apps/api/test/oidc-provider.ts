import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { type DataSource } from 'typeorm';
import { createApp, type App } from '../src/app.js';
import { freePort } from '../src/db/scratch-postgres.js';

// Single sign-on's tests (issue 20) run against a real OpenID provider, oidc-provider, with its
// development login form (any password) and consent page. It listens on 127.0.0.1 but is known
// as `localhost`, so that to the browser it is another site than the app at 127.0.0.1, as a
// real provider is: its redirect back is a cross-site navigation.

/** A person at the provider: the e-mail claims it releases. */
export interface ProviderUser {
  email: string;
  emailVerified: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  close(): Promise<void>;
}

/** The provider, with a public client (PKCE required) that may return to `redirectUrl` alone. */
export async function startTestProvider(
  users: Record<string, ProviderUser>,
  redirectUrl: string,
): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const clientId = 'deped-enrollment-test';
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: [redirectUrl],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    jwks: { keys: [{ ...key, kid: 'test', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    pkce: { methods: ['S256'], required: () => true },
    features: { devInteractions: { enabled: true } },
    // Lifetimes given, so that it prints no notice for each; a test flow takes seconds.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    findAccount: (_ctx, id) => {
      const user = users[id];
      if (!user) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, email: user.email, email_verified: user.emailVerified }),
      };
    },
  });
  const handle = provider.callback();
  server.on('request', (req, res) => void handle(req, res));
  return {
    issuer,
    clientId,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SsoTestServer {
  url: string;
  app: App;
  provider: TestProvider;
  close(): Promise<void>;
}

/**
 * The app with single sign-on through a provider of its own, on a free port of 127.0.0.1 (the
 * provider must know the address it returns to before the app exists).
 */
export async function startSsoServer(
  dataSource: DataSource,
  users: Record<string, ProviderUser>,
): Promise<SsoTestServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const redirectUrl = `${url}/auth/oidc/callback`;
  const provider = await startTestProvider(users, redirectUrl);
  const oidc = { issuer: provider.issuer, clientId: provider.clientId, clientSecret: null };
  const app = await createApp(dataSource, { oidc: { ...oidc, redirectUrl } });
  await new Promise<void>((resolve) => app.httpServer.listen(port, '127.0.0.1', resolve));
  return {
    url,
    app,
    provider,
    async close() {
      await app.stop({ delayMs: 0, graceMs: 0 });
      await provider.close();
    },
  };
}

/** Cookies by host, as much of a browser's jar as these flows need (paths ignored). */
export class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  header(url: string): string {
    const cookies = this.byHost.get(new URL(url).host) ?? new Map<string, string>();
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(url: string, name: string): string | undefined {
    return this.byHost.get(new URL(url).host)?.get(name);
  }

  keep(url: string, response: Response) {
    const host = new URL(url).host;
    const cookies = this.byHost.get(host) ?? new Map<string, string>();
    this.byHost.set(host, cookies);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', ...value] = pair.trim().split('=');
      const gone = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (gone) cookies.delete(name);
      else cookies.set(name, value.join('='));
    }
  }
}

/** One request as the browser sends it (cookies of the jar, no redirect followed). */
export async function browse(
  jar: CookieJar,
  url: string,
  init: { method?: string; form?: Record<string, string> } = {},
): Promise<Response> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    headers: {
      cookie: jar.header(url),
      ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
  });
  jar.keep(url, response);
  return response;
}

/**
 * Follows redirects from `url` through the provider's login and consent pages, answered as
 * `login` (or aborted with `cancel`), until the browser is sent back to the app's sign-in page:
 * that address is returned.
 */
export async function signInAtProvider(
  jar: CookieJar,
  url: string,
  login: string,
  { cancel = false }: { cancel?: boolean } = {},
): Promise<URL> {
  let next = new URL(url);
  for (let step = 0; step < 20; step++) {
    const response = await browse(jar, next.href);
    const location = response.headers.get('location');
    if (location) {
      next = new URL(location, next);
      if (next.pathname === '/login') return next;
      continue;
    }
    const page = await response.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (!prompt) throw new Error(`No form at ${next.href} (${response.status}): ${page}`);
    if (cancel) {
      next = new URL(`${next.pathname}/abort`, next);
      continue;
    }
    const form: Record<string, string> =
      prompt === 'login' ? { prompt, login, password: 'any' } : { prompt };
    const answer = await browse(jar, next.href, { method: 'POST', form });
    next = new URL(answer.headers.get('location')!, next);
  }
  throw new Error(`Not back at the sign-in page after 20 steps: ${next.href}`);
}
