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
import { authHeadersFor } from '../support/team-mode';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');

let browser: Browser;
let server: ServeProcess;
let openai: FakeServer;
let dataDir: string;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  openai = await startOpenAiFake();
  dataDir = tempDirKept('assay-e2e-models-');
  server = await startServe(dataDir, [], {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-e2e-models-0000000000',
    // Nothing listens here: local model listing must fall back to the catalog.
    ASSAY_LOCAL_BASE_URL: 'http://127.0.0.1:9/v1',
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('models and connections in Chromium', () => {
  it('tests a provider connection and lists its live models with prices', async () => {
    await page.goto(`${server.url}/#/settings`);
    await page.getByTestId('test-openai').click();
    const result = page.getByTestId('test-openai-result');
    await result.and(page.locator('[data-state="ok"]')).waitFor();
    await expect(result.textContent()).resolves.toMatch(/4 models/);
    await page.getByTestId('show-models-openai').click();
    await page.getByTestId('model-openai-gpt-4o').waitFor();
    await expect(page.getByTestId('model-openai-gpt-4o').textContent()).resolves.toContain('2.50');
    await page.getByTestId('show-models-local').click();
    await page.getByTestId('models-local-fallback').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-models.png'), fullPage: true });
  });

  it('overrides a catalog price and prices a local model at 0', async () => {
    await page.goto(`${server.url}/#/models`);
    // Prices are a team admin's to set (team mode); a local server's user's.
    await asAdmin(page);
    await page.getByTestId('page-models').waitFor();
    await page.getByTestId('models-filter').fill('gpt-4o-mini');
    await page.getByTestId('edit-price-openai-gpt-4o-mini').click();
    await page.getByTestId('price-input').fill('0.20');
    await page.getByTestId('save-price').click();
    const row = page.getByTestId('price-row-openai-gpt-4o-mini');
    await row.and(page.locator('[data-source="override"]')).waitFor();
    await expect(row.textContent()).resolves.toContain('0.20');

    await page.getByTestId('add-price-provider').click();
    await page.getByTestId('add-price-provider-local').click();
    await page.getByTestId('add-price-model').fill('llama3.2:3b');
    await page.getByTestId('add-price-input').fill('0');
    await page.getByTestId('add-price-output').fill('0');
    await page.getByTestId('add-price-submit').click();
    await page.getByTestId('models-filter').fill('llama');
    await page.getByTestId('price-row-local-llama3.2:3b').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'models-page.png'), fullPage: true });

    // The override is what the call path now charges.
    const res = await fetch(`${server.url}/api/prices.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeadersFor(server.url) },
      body: '{}',
    });
    const { data } = (await res.json()) as {
      data: { prices: { provider: string; model: string; input: string; source: string }[] };
    };
    expect(data.prices.find((p) => p.model === 'gpt-4o-mini')).toMatchObject({
      input: '0.20',
      source: 'override',
    });
    expect(data.prices.find((p) => p.provider === 'local')).toMatchObject({
      model: 'llama3.2:3b',
      input: '0.00',
    });
  });
});
