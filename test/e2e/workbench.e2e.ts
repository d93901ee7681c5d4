import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesContaining } from '../support/temp-dir';
import { asAdmin, launchChromium } from '../support/browser';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');
const PAGES = [
  'prompts',
  'playground',
  'datasets',
  'evals',
  'interactions',
  'traces',
  'graders',
  'scorecards',
  'backtests',
  'leaderboard',
  'models',
  'settings',
] as const;
const OPENAI_KEY = 'sk-proj-E2E-plaintext-key-9f8e7d6c5b4a3210';

let browser: Browser;
let server: ServeProcess;
let dataDir: string;
const consoleErrors: string[] = [];

async function openPage(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (msg) => {
    // Chromium logs every 4xx response; the coded 400s that tests provoke on purpose are expected.
    if (msg.type() === 'error' && !/status of 400 \(Bad Request\)/.test(msg.text())) {
      consoleErrors.push(`${page.url()}: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
  await page.goto(url);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dataDir = tempDirKept('assay-e2e-');
  server = await startServe(dataDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('workbench in Chromium against assay serve', () => {
  it('opens on Prompts and visits every page from the sidebar', async () => {
    const page = await openPage(`${server.url}/`);
    await page.getByTestId('page-prompts').waitFor();
    expect(page.url()).toMatch(/#\/prompts$/);
    for (const name of PAGES) {
      await page.getByTestId(`nav-${name}`).click();
      await page.getByTestId(`page-${name}`).waitFor();
      // A page may carry its state in the address (the playground's columns).
      expect(page.url()).toMatch(new RegExp(`#/${name}(\\?.*)?$`));
      await shot(page, `page-${name}`);
    }
    // Backtests is built: a new user reads what a backtest is, not a not-built notice.
    await page.getByTestId('nav-backtests').click();
    await page.getByTestId('backtests-empty').waitFor();
    await expect(page.getByTestId('page-backtests').textContent()).resolves.not.toMatch(
      /not built yet/i,
    );
    await expect(page.getByTestId('page-backtests').locator('table').count()).resolves.toBe(0);
    // The leaderboard is built; with no completed run it says there is nothing to rank yet.
    await page.getByTestId('nav-leaderboard').click();
    await page.getByTestId('leaderboard-empty').waitFor();
    await expect(page.getByTestId('page-leaderboard').textContent()).resolves.not.toMatch(
      /not built yet/i,
    );
    await expect(page.getByTestId('page-leaderboard').locator('table').count()).resolves.toBe(0);
    await page.close();
  });

  it('opens the command palette with Ctrl+K and navigates', async () => {
    const page = await openPage(`${server.url}/#/prompts`);
    await page.getByTestId('page-prompts').waitFor();
    await page.keyboard.press('Control+K');
    const palette = page.getByTestId('command-palette');
    await palette.waitFor();
    await shot(page, 'command-palette');
    await page.keyboard.type('Datasets');
    await page.keyboard.press('Enter');
    await page.getByTestId('page-datasets').waitFor();
    await expect(palette.isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('shows a bad setting next to its field and saves nothing', async () => {
    const page = await openPage(`${server.url}/#/settings`);
    // Provider settings are a team admin's (team mode); a local server's user's.
    await asAdmin(page);
    await page.getByTestId('openai-baseUrl').fill('ftp://example.com');
    await page.getByTestId('save-openai').click();
    const card = page.getByTestId('provider-openai');
    const error = card.getByTestId('field-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe('must be an http(s) URL');
    // Once, next to the field: no toast repeats it, and the input is marked for screen readers.
    await expect(error.count()).resolves.toBe(1);
    await expect(page.locator('[data-sonner-toast]').count()).resolves.toBe(0);
    await expect(page.getByTestId('openai-baseUrl').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await shot(page, 'settings-field-error');
    expect(fs.existsSync(path.join(dataDir, 'settings.json'))).toBe(false);
    await page.close();
  });

  it('saves a provider key, and after a server restart shows it persisted and masked', async () => {
    let page = await openPage(`${server.url}/#/settings`);
    await asAdmin(page);
    await page.getByTestId('openai-apiKey').fill(OPENAI_KEY);
    await page.getByTestId('openai-baseUrl').fill('http://127.0.0.1:9/v1');
    await page.getByTestId('save-openai').click();
    await page.getByTestId('openai-apiKey-status').filter({ hasText: '3210' }).waitFor();
    // The mask can arrive first (the settings.changed event); the typed key leaves the input then.
    await expect.poll(() => page.getByTestId('openai-apiKey').inputValue()).toBe('');
    await page.close();

    expect(await server.stop()).toBe(0);
    server = await startServe(dataDir);

    page = await openPage(`${server.url}/#/settings`);
    const status = page.getByTestId('openai-apiKey-status');
    await status.filter({ hasText: '3210' }).waitFor();
    const statusText = (await status.textContent()) ?? '';
    expect(statusText).toContain('sk-••••••••3210');
    expect(statusText).not.toContain(OPENAI_KEY);
    await expect(page.getByTestId('openai-baseUrl').inputValue()).resolves.toBe(
      'http://127.0.0.1:9/v1',
    );
    await expect(page.getByTestId('openai-apiKey').inputValue()).resolves.toBe('');
    expect(await page.content()).not.toContain(OPENAI_KEY);
    await shot(page, 'settings-persisted-masked');
    expect(filesContaining(dataDir, OPENAI_KEY)).toEqual([]);
    await page.close();
  });

  it('switches to the dark theme and keeps it across reloads', async () => {
    const page = await openPage(`${server.url}/#/settings`);
    const toggle = page.getByTestId('theme-toggle');
    const dark = page.locator('html.dark');
    // The toggle cycles system -> light -> dark; each click waits for the choice it made, so a
    // fast click never lands on a theme that has not taken effect yet and overshoots dark.
    for (let i = 0; i < 3 && (await toggle.getAttribute('data-theme')) !== 'dark'; i++) {
      const before = (await toggle.getAttribute('data-theme')) ?? '';
      await toggle.click();
      await page.locator(`[data-testid="theme-toggle"]:not([data-theme="${before}"])`).waitFor();
    }
    await dark.waitFor({ state: 'attached' });
    await page.reload();
    await page.getByTestId('page-settings').waitFor();
    await dark.waitFor({ state: 'attached' });
    await expect(page.locator('html').getAttribute('class')).resolves.toContain('dark');
    await shot(page, 'settings-dark');
    await page.close();
  });

  it('logged no browser console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
