import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { sessionCookieName } from '../../src/modules/auth/session-cookie.js';
import { apiRoot } from '../../src/paths.js';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const screenshotDir = path.join(apiRoot, 'test-results', 'screenshots');

if (!hasChromium) {
  console.warn(
    `Browser tests skipped: no Chromium at ${chromiumPath}. Install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`,
  );
}

/** Debian's Chromium, headless; the flags keep it off this machine's closed network. */
export async function launchChromium(): Promise<Browser> {
  await mkdir(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * A browser context signed in as the dashboard signs in (issue 19): the session's token in its
 * HttpOnly, SameSite=Strict cookie, and only the session's end in the page's storage.
 */
export async function signInContext(
  context: BrowserContext,
  serverUrl: string,
  session: { token: string; sessionExpiresAt: string },
) {
  await context.addCookies([
    {
      name: sessionCookieName,
      value: session.token,
      url: serverUrl,
      httpOnly: true,
      sameSite: 'Strict',
    },
  ]);
  const stored = JSON.stringify({ sessionExpiresAt: session.sessionExpiresAt });
  await context.addInitScript({
    content: `localStorage.setItem('deped.session', ${JSON.stringify(stored)});`,
  });
}
