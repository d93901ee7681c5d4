import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRawReplyFake, type RawReplyFake } from '../fakes/raw-reply-fake';
import { launchChromium } from '../support/browser';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';

/**
 * Settings → "Show models" against providers whose listing is not what the SDKs expect (what
 * acceptance testing saw as a zod dump in the Anthropic panel): the panel lists what fits, or
 * says in one line why it shows the catalog.
 */

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');

let browser: Browser;
let server: ServeProcess;
let anthropic: RawReplyFake;
let openai: RawReplyFake;
let dataDir: string;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // An Anthropic-compatible proxy whose entries have no display_name.
  anthropic = await startRawReplyFake({
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({ data: [{ id: 'claude-proxy-1', type: 'model' }], has_more: false }),
  });
  // A login page where the OpenAI listing should be.
  openai = await startRawReplyFake({
    status: 200,
    contentType: 'text/html',
    body: '<!doctype html><title>Sign in</title><p>{"not": "json"}</p>',
  });
  dataDir = tempDirKept('assay-e2e-models-garbage-');
  server = await startServe(dataDir, [], {
    ANTHROPIC_BASE_URL: anthropic.url,
    ANTHROPIC_API_KEY: 'sk-ant-e2e-garbage-0000000',
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-e2e-garbage-0000000000',
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await anthropic?.close();
  await openai?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('Show models with unexpected provider listings', () => {
  it('lists what fits, or falls back to the catalog with a one-line reason', async () => {
    await page.goto(`${server.url}/#/settings`);
    await page.getByTestId('show-models-anthropic').click();
    await page.getByTestId('model-anthropic-claude-proxy-1').waitFor();
    expect(await page.getByTestId('models-anthropic-error').count()).toBe(0);

    await page.getByTestId('show-models-openai').click();
    const fallback = page.getByTestId('models-openai-fallback');
    await fallback.waitFor();
    const text = (await fallback.textContent()) ?? '';
    expect(text).toContain('openai: GET /models: the reply is not JSON (text/html)');
    expect(text).not.toMatch(/ZodError|"code"|\[\s*\{|\{"|Internal error/);
    expect(await page.getByTestId('models-openai-error').count()).toBe(0);
    await page.screenshot({
      path: path.join(ARTIFACTS, 'settings-models-garbage.png'),
      fullPage: true,
    });
  });
});
