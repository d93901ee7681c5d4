import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall } from '../support/api-call';
import { launchChromium } from '../support/browser';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');
/** Words long enough that the vars column must wrap; none longer than the column. */
const LONG_INPUT =
  'Can I return a pair of shoes I bought online last month if I have already worn them outside once or twice';

let browser: Browser;
let server: ServeProcess;
let dataDir: string;
let page: Page;

interface CaseList {
  cases: {
    id: string;
    vars: Record<string, string>;
    expected?: unknown;
    description: string;
    matchers: unknown[];
  }[];
  total: number;
}
const api = <T>(channel: string, input: unknown): Promise<T> =>
  apiCall<T>(server.url, channel, input);
const caseList = () => api<CaseList>('cases.list', { dataset: 'e2e-support' });

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dataDir = tempDirKept('assay-e2e-datasets-');
  server = await startServe(dataDir);
  await api('datasets.create', { name: 'e2e-support' });
  await api('cases.add', {
    dataset: 'e2e-support',
    cases: [{ vars: { input: 'first' }, expected: 'one', description: 'the first case' }],
  });
  await api('datasets.create', { name: 'e2e-many' });
  await api('cases.add', {
    dataset: 'e2e-many',
    cases: Array.from({ length: 101 }, (_, i) => ({ vars: { input: `case ${i}` } })),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Picks a matcher type in its Select (Radix: a button opening a listbox). By keyboard: the list
 * is long, and a click lower down can land on the scroll button that moves the list on hover.
 */
async function chooseType(index: number, type: string): Promise<void> {
  await page.getByTestId(`matcher-${index}-type`).click();
  const item = page.getByTestId(`matcher-${index}-type-${type}`);
  await item.focus();
  await page.keyboard.press('Enter');
  await item.waitFor({ state: 'detached' });
  await expect(page.getByTestId(`matcher-${index}-type`).textContent()).resolves.toBe(type);
}

describe('the Datasets page in Chromium', () => {
  it('adds a case in the editor, with a matcher edited as a form, and shows it wrapped', async () => {
    await page.goto(`${server.url}/#/datasets/e2e-support`);
    await page.getByTestId('case-row-0').waitFor();
    await page.getByTestId('add-case').click();
    await page.getByTestId('case-editor').waitFor();
    await page.getByTestId('case-editor-vars').fill(JSON.stringify({ input: LONG_INPUT }));
    await page.getByTestId('case-editor-expected').fill('Yes, within 30 days');
    await page.getByTestId('case-editor-description').fill('worn shoes');
    await page.getByTestId('matcher-add').click();
    await chooseType(0, 'starts-with');
    await page.getByTestId('matcher-0-value').fill('Yes');
    await page.getByTestId('matcher-0-ignoreCase').click();
    await page.screenshot({ path: path.join(ARTIFACTS, 'dataset-case-editor.png') });
    await page.getByTestId('case-editor-save').click();
    await page.getByTestId('case-editor').waitFor({ state: 'detached' });

    const row = page.getByTestId('case-row-1');
    await row.waitFor();
    await expect(row.getByTestId('case-matchers-1').textContent()).resolves.toContain(
      'starts-with',
    );
    await expect(row.getByTestId('case-description-1').textContent()).resolves.toBe('worn shoes');
    const saved = (await caseList()).cases[1]!;
    expect(saved).toMatchObject({
      vars: { input: LONG_INPUT },
      expected: 'Yes, within 30 days',
      matchers: [{ type: 'starts-with', value: 'Yes', ignoreCase: true }],
    });
    // Wrapped by word: several lines, and no word split across two of them.
    const cell = row.getByTestId('case-vars-1').locator('span').first();
    const lines = await cell.evaluate((el) => {
      const range = el.ownerDocument.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return tops.size;
    });
    expect(lines).toBeGreaterThan(1);
    const splitWord = await cell.evaluate((el) => {
      const text = el.firstChild;
      if (!text || text.nodeType !== 3) return 'no text node';
      const content = text.textContent ?? '';
      const range = el.ownerDocument.createRange();
      let at = 0;
      for (const word of content.split(' ')) {
        range.setStart(text, at);
        range.setEnd(text, at + word.length);
        if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1)
          return word;
        at += word.length + 1;
      }
      return null;
    });
    expect(splitWord).toBeNull();
    await page.screenshot({ path: path.join(ARTIFACTS, 'dataset-cases-wrapped.png') });
  });

  it('keeps the open dataset and page on reload and Back', async () => {
    await page.goto(`${server.url}/#/datasets/e2e-support`);
    await page.getByTestId('case-row-1').waitFor();
    await page.getByTestId('cases-search').fill('shoes');
    await expect.poll(() => page.url()).toMatch(/#\/datasets\/e2e-support\?q=shoes$/);
    await page.getByTestId('case-row-0').waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('case-row-1').waitFor();
    await expect(page.getByTestId('dataset-title').textContent()).resolves.toBe('e2e-support');
    await expect(page.getByTestId('cases-search').inputValue()).resolves.toBe('shoes');
    await expect(page.getByTestId('case-row-0').count()).resolves.toBe(0);

    await page.goto(`${server.url}/#/datasets`);
    await page.getByTestId('dataset-item-e2e-support').waitFor();
    await page.goBack();
    await page.getByTestId('case-row-1').waitFor();
    await expect(page.getByTestId('dataset-title').textContent()).resolves.toBe('e2e-support');
    await expect(page.getByTestId('cases-search').inputValue()).resolves.toBe('shoes');

    // The page too: the next page is an address of its own.
    await page.getByTestId('dataset-item-e2e-many').click();
    await page.getByTestId('case-row-0').waitFor();
    await page.getByTestId('cases-next').click();
    await page.getByTestId('case-row-100').waitFor();
    await expect.poll(() => page.url()).toMatch(/#\/datasets\/e2e-many\?page=2$/);
    await page.reload();
    await page.getByTestId('case-row-100').waitFor();
    await expect(page.getByTestId('cases-range').textContent()).resolves.toBe('101–101 of 101');
    await page.goBack();
    await page.getByTestId('case-row-0').waitFor();
  });

  it('edits a cell in place and keeps the edit', async () => {
    await page.goto(`${server.url}/#/datasets/e2e-support`);
    await page.getByTestId('case-description-1').click();
    await page.getByTestId('case-description-1-input').fill('worn shoes, after a month');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('case-description-1').textContent()).resolves.toBe(
      'worn shoes, after a month',
    );
    await expect(page.getByTestId('case-revision-1').textContent()).resolves.toBe('r2');
    const shoes = (await caseList()).cases.find((c) => c.vars.input === LONG_INPUT);
    expect(shoes).toMatchObject({ description: 'worn shoes, after a month' });
  });

  it('deletes a row at once and Undo in the notice brings it back', async () => {
    await page.goto(`${server.url}/#/datasets/e2e-support`);
    await page.getByTestId('case-row-0').waitFor();
    await page.getByTestId('delete-case-0').click();
    await page.getByTestId('case-row-0').waitFor({ state: 'detached' });
    await expect.poll(async () => (await caseList()).total).toBe(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await caseList()).total).toBe(2);
    // Back with its content, at the end of the dataset.
    await page.getByTestId('case-row-2').waitFor();
    await expect(page.getByTestId('case-vars-2').textContent()).resolves.toBe('first');
    await expect(page.getByTestId('case-description-2').textContent()).resolves.toBe(
      'the first case',
    );
  });

  it('saves a case whose matcher type and options come from the shared editor', async () => {
    await page.goto(`${server.url}/#/datasets/e2e-support`);
    // The first case, back at the end of the dataset since the Undo above.
    await page.getByTestId('case-row-2').waitFor();
    await page.getByTestId('edit-case-2').click();
    await page.getByTestId('case-editor').waitFor();
    await page.getByTestId('matcher-add').click();
    // A type the core lists, with its options read from its own schema.
    await chooseType(0, 'levenshtein');
    await page.getByTestId('matcher-0-fields').waitFor();
    await page.getByTestId('matcher-0-value').fill('one');
    await page.getByTestId('matcher-0-threshold').fill('0.8');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dataset-case-shared-matcher.png') });
    await page.getByTestId('case-editor-save').click();
    await page.getByTestId('case-editor').waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await caseList()).cases.find((c) => c.vars.input === 'first')?.matchers)
      .toEqual([{ type: 'levenshtein', value: 'one', threshold: 0.8 }]);
    await expect(page.getByTestId('case-matchers-2').textContent()).resolves.toContain(
      'levenshtein',
    );
  });

  it('shows a bad matcher option once, next to its field', async () => {
    await page.goto(`${server.url}/#/datasets/e2e-support`);
    await page.getByTestId('case-row-1').waitFor();
    await page.getByTestId('edit-case-1').click();
    await page.getByTestId('case-editor').waitFor();
    await page.getByTestId('matcher-add').click();
    await chooseType(1, 'regex');
    await page.getByTestId('matcher-1-pattern').fill('(unclosed');
    await page.getByTestId('case-editor-save').click();

    const matcher = page.getByTestId('matcher-1');
    const error = matcher.getByTestId('field-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(/pattern|regular expression/i);
    await expect(page.getByTestId('field-error').count()).resolves.toBe(1);
    await expect(page.getByTestId('form-error').count()).resolves.toBe(0);
    await expect(page.getByTestId('matcher-1-pattern').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    // Not toasted as well: the message shows once.
    await expect(
      page.locator('[data-sonner-toast]', { hasText: 'VALIDATION_FAILED' }).count(),
    ).resolves.toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dataset-matcher-error.png') });
    const shoes = (await caseList()).cases.find((c) => c.vars.input === LONG_INPUT);
    expect(shoes?.matchers).toHaveLength(1);
  });
});
