import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';
import { authHeadersFor } from '../support/team-mode';

let browser: Browser;
let server: ServeProcess;
let dataDir: string;
let page: Page;

async function datasetNames(): Promise<string[]> {
  const res = await fetch(`${server.url}/api/datasets.list`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeadersFor(server.url) },
    body: '{}',
  });
  const body = (await res.json()) as { data: { datasets: { name: string }[] } };
  return body.data.datasets.map((d) => d.name);
}

beforeAll(async () => {
  dataDir = tempDirKept('assay-e2e-encoding-');
  server = await startServe(dataDir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the import dialog reads a file strictly', () => {
  it('refuses a file that is not UTF-8 before sending it, and imports a good one', async () => {
    await page.goto(`${server.url}/#/datasets`);
    await page.getByTestId('page-datasets').waitFor();
    await page.getByTestId('import-dataset').click();
    await page.getByTestId('import-dialog').waitFor();
    // "café" saved as Latin-1 on line 3: the é is the lone byte 0xE9 at offset 27.
    const latin1 = Buffer.from('input,expected\nhello,hi\ncaf\u00e9,coffee\n', 'latin1');
    await page.getByTestId('import-file').setInputFiles({
      name: 'cases.csv',
      mimeType: 'text/csv',
      buffer: latin1,
    });
    const error = page.getByTestId('import-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain(
      'VALIDATION_FAILED: cases.csv:3: invalid UTF-8 at byte 27',
    );
    // Nothing to send: the damaged text is never offered to the import.
    await expect(page.getByTestId('import-submit').isDisabled()).resolves.toBe(true);
    expect(await datasetNames()).toEqual([]);

    await page.getByTestId('import-file').setInputFiles({
      name: 'cases.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\uFEFFinput,expected\ncafé,coffee\n', 'utf8'),
    });
    await page.getByTestId('import-file-name').waitFor();
    await expect(page.getByTestId('import-error').count()).resolves.toBe(0);
    await page.getByTestId('import-submit').click();
    await page.getByTestId('dataset-item-cases').waitFor();
    expect(await datasetNames()).toEqual(['cases']);
  });
});
