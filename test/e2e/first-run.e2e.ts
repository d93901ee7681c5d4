import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { asAdmin, launchChromium } from '../support/browser';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';

/**
 * A new user, from an empty data directory to a passing eval without the README: the empty
 * workbench offers the example workspace, says to connect a model, and runs the example's eval.
 * The fake OpenAI answers by repeating the question (its default reply), which is what the
 * example's matchers ask of a sensible answer: the key words of the question.
 */

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');
const KEY = 'sk-first-run-e2e-0000000000004321';
const BUDGET_MS = 120_000;

let browser: Browser;
let server: ServeProcess;
let openai: FakeServer;
let dataDir: string;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  openai = await startOpenAiFake();
  dataDir = tempDirKept('assay-e2e-first-run-');
  server = await startServe(dataDir, [], {
    // Where "OpenAI" is; the key is what the user enters.
    OPENAI_BASE_URL: `${openai.url}/v1`,
    // Nothing listens here: the configured local server is not found.
    ASSAY_LOCAL_BASE_URL: 'http://127.0.0.1:9/v1',
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const shot = (name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

describe('first run in Chromium', () => {
  it('reaches a passing eval run from an empty workbench in under two minutes', async () => {
    const started = Date.now();
    await page.goto(`${server.url}/`);
    // On a team server the first run (connecting a provider) is the admin's.
    await asAdmin(page);
    const banner = page.getByTestId('first-run-banner');
    await banner.waitFor();
    await shot('first-run-banner');
    await page.getByTestId('first-run-start').click();
    await page.getByTestId('page-welcome').waitFor();
    // Nothing to run on yet: the page says what to set up first.
    await expect(page.getByTestId('run-example').isDisabled()).resolves.toBe(true);

    await page.getByTestId('load-example').click();
    const loaded = page.getByTestId('example-loaded');
    await loaded.waitFor();
    await expect(loaded.textContent()).resolves.toContain('example/support-reply');
    await expect(loaded.textContent()).resolves.toContain('3 cases');

    const connect = page.getByTestId('step-connect');
    await connect.getByTestId('openai-apiKey').fill(KEY);
    await connect.getByTestId('save-openai').click();
    await connect.getByTestId('openai-apiKey-status').filter({ hasText: '4321' }).waitFor();
    await page.locator('[data-testid="step-connect"][data-done="true"]').waitFor();
    await expect(page.getByTestId('first-run-target').textContent()).resolves.toBe(
      'openai:gpt-4o-mini',
    );

    await page.getByTestId('run-example').click();
    const verdict = page.getByTestId('first-run-verdict');
    await page.locator('[data-testid="first-run-verdict"][data-state="pass"]').waitFor();
    await expect(verdict.textContent()).resolves.toBe('Passed: 3 of 3 cases');
    const elapsed = Date.now() - started;
    await shot('first-run-passed');
    expect(elapsed).toBeLessThan(BUDGET_MS);
    // The run is kept in the URL: a reload still shows it, and the banner is gone.
    expect(page.url()).toMatch(/#\/welcome\?run=/);
    await page.reload();
    await page.locator('[data-testid="first-run-verdict"][data-state="pass"]').waitFor();
    await expect(banner.count()).resolves.toBe(0);

    // The model saw the composition: the component as the system message, then the template.
    const chats = openai.requests.filter((r) => r.path.endsWith('/chat/completions'));
    expect(chats).toHaveLength(3);
    const body = chats[0]!.body as { messages: { role: string; content: string }[] };
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0]!.content).toContain('support assistant of Acme Router');
  });

  it('finds prompts, datasets and runs from the command palette, and opens actions by URL', async () => {
    await page.goto(`${server.url}/#/settings`);
    await page.getByTestId('page-settings').waitFor();
    await page.keyboard.press('Control+K');
    await page.getByTestId('command-palette').waitFor();
    await page.keyboard.type('support-reply');
    await page.getByTestId('command-prompt-example/support-reply').waitFor();
    await shot('command-palette-search');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/prompts\/example%2Fsupport-reply$/);

    await page.keyboard.press('Control+K');
    await page.keyboard.type('suite/example');
    await page.getByTestId('command-dataset-suite/example-support').click();
    await page.waitForURL(/#\/datasets\/suite%2Fexample-support$/);

    await page.keyboard.press('Control+K');
    await page.keyboard.type('Example: first');
    await page.getByTestId('command-run-Example: first run').click();
    await page.waitForURL(/#\/evals\/runs\/[^/]+$/);

    await page.keyboard.press('Control+K');
    await page.keyboard.type('New run');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/evals\?new=1$/);
  });

  it('logged no browser console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
