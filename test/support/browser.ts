import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { beforeEach } from 'vitest';
import { CHROMIUM_PATH } from '../../scripts/test-prerequisites';
import { adminSessionCookie, E2E_TEAM, editorSessionCookie } from './team-mode';

/** The contexts of this file's browsers, signed in again before each test in team mode. */
const contexts = new Set<BrowserContext>();
/** Contexts a test signed in as the admin (see asAdmin). */
const admins = new WeakSet<BrowserContext>();

async function signIn(context: BrowserContext): Promise<void> {
  const cookie = admins.has(context) ? adminSessionCookie() : editorSessionCookie();
  if (cookie) await context.addCookies([cookie]);
}

/**
 * For a step only a team's admin may take (provider settings, prices): in team mode the page's
 * context is signed in as the admin from here on, and the page loaded again. Local mode: nothing.
 */
export async function asAdmin(page: Page): Promise<void> {
  if (!E2E_TEAM) return;
  admins.add(page.context());
  await signIn(page.context());
  await page.reload();
}

if (E2E_TEAM) {
  // A server restarted mid-file signs the editor in afresh; pages already open follow it.
  beforeEach(async () => {
    // Only contexts with a page open: one being closed would never answer.
    for (const context of contexts) if (context.pages().length > 0) await signIn(context);
  });
}

/**
 * Team mode (ASSAY_E2E_TEAM=1): every context and page starts signed in as the harness's editor
 * on the newest team server, as if the user had logged in, so the suite runs unchanged.
 */
function signedInBrowser(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    contexts.add(context);
    context.on('close', () => contexts.delete(context));
    await signIn(context);
    return context;
  };
  // Like Browser.newPage: a context of its own, closed with the page.
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on('close', () => {
      contexts.delete(context);
      // The browser may be closing already (a file's afterAll): nothing left to close then.
      context.close().catch(() => undefined);
    });
    return page;
  };
  return browser;
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  return E2E_TEAM ? signedInBrowser(browser) : browser;
}
