import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { beforeEach } from 'vitest';
import { CHROMIUM_PATH } from '../../scripts/test-prerequisites';
import { E2E_TEAM, editorSessionCookie } from './team-mode';

/** The contexts of this file's browsers, signed in again before each test in team mode. */
const contexts = new Set<BrowserContext>();

async function signIn(context: BrowserContext): Promise<void> {
  const cookie = editorSessionCookie();
  if (cookie) await context.addCookies([cookie]);
}

if (E2E_TEAM) {
  // A server restarted mid-file signs the editor in afresh; pages already open follow it.
  beforeEach(async () => {
    for (const context of contexts) await signIn(context);
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
    page.on('close', () => void context.close());
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
