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

let browser: Browser;
let server: ServeProcess;
let dataDir: string;
let page: Page;

const api = (channel: string, input: unknown) => apiCall(server.url, channel, input);

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dataDir = tempDirKept('assay-e2e-prompts-page-');
  server = await startServe(dataDir);
  await api('prompts.create', {
    name: 'alpha/one',
    kind: 'system',
    content: { text: 'You are alpha.' },
  });
  await api('prompts.update', { name: 'alpha/one', content: { text: 'You are alpha, v1.1.' } });
  await api('prompts.create', { name: 'beta/two', kind: 'user', content: { text: '{{input}}' } });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The `data-testid` of the element that has the keyboard focus. */
function focusedTestId(): Promise<string | null> {
  return page.evaluate(() => {
    type El = { getAttribute(name: string): string | null };
    const doc = (globalThis as unknown as { document: { activeElement: El | null } }).document;
    return doc.activeElement?.getAttribute('data-testid') ?? null;
  });
}

/** Presses Tab until the element with this test id has the focus (no mouse anywhere). */
async function tabTo(testId: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if ((await focusedTestId()) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

const hashOf = (url: string) => decodeURIComponent(url.slice(url.indexOf('#')));

async function editorShows(name: string, version: string): Promise<void> {
  await page.getByTestId('prompt-editor').getByRole('heading', { name, exact: true }).waitFor();
  await page.getByTestId('prompt-version').filter({ hasText: version }).waitFor();
}

const selectedTab = () =>
  page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-testid');

describe('Prompts page in Chromium', () => {
  it('keeps the prompt, its version and tab in the address: reload, Back and a copied link', async () => {
    await page.goto(`${server.url}/#/prompts`);
    await page.getByTestId('prompt-item-alpha/one').click();
    await editorShows('alpha/one', 'v1.1');
    expect(hashOf(page.url())).toBe('#/prompts/alpha/one');

    // An older version from History, then the Diff tab with the compared versions picked.
    await page.getByTestId('tab-history').click();
    await page.getByTestId('edit-from-v1.0').click();
    await editorShows('alpha/one', 'v1.0');
    await page.getByTestId('tab-diff').click();
    // Compared the other way round: v1.1 → v1.0.
    await page.getByTestId('diff-to').click();
    await page.getByRole('option', { name: 'v1.0', exact: true }).click();
    await page.getByTestId('diff-from').click();
    await page.getByRole('option', { name: 'v1.1', exact: true }).click();
    await expect.poll(() => hashOf(page.url())).toMatch(/from=v1\.1/);
    const url = hashOf(page.url());
    expect(url).toMatch(/^#\/prompts\/alpha\/one\?/);
    expect(url).toMatch(/version=v1\.0/);
    expect(url).toMatch(/tab=diff/);
    expect(url).toMatch(/to=v1\.0/);

    await page.reload();
    await editorShows('alpha/one', 'v1.0');
    await page.getByTestId('prompt-diff').waitFor();
    await expect(selectedTab()).resolves.toBe('tab-diff');
    await expect(page.getByTestId('diff-from').textContent()).resolves.toBe('v1.1');
    await expect(page.getByTestId('diff-to').textContent()).resolves.toBe('v1.0');
    await page.screenshot({ path: path.join(ARTIFACTS, 'prompts-deep-link.png') });

    // Another prompt, then Back: the previous prompt with its version and tab.
    await page.getByTestId('prompt-item-beta/two').click();
    await editorShows('beta/two', 'v1.0');
    expect(hashOf(page.url())).toBe('#/prompts/beta/two');
    await page.goBack();
    await editorShows('alpha/one', 'v1.0');
    await page.getByTestId('prompt-diff').waitFor();
    await expect(selectedTab()).resolves.toBe('tab-diff');
    await expect(page.getByTestId('diff-from').textContent()).resolves.toBe('v1.1');
    await page.goForward();
    await editorShows('beta/two', 'v1.0');
    await page.goBack();
    await editorShows('alpha/one', 'v1.0');

    // "Copy link" gives the address of this view; opened in a new tab it shows the same.
    await page.getByTestId('copy-link').click();
    const toast = page.locator('[data-sonner-toast]').filter({ hasText: '#/prompts/alpha/one' });
    const link = (await toast.textContent())?.match(/http\S+/)?.[0];
    expect(link).toBeDefined();
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      await other.goto(link!);
      await other.getByTestId('prompt-version').filter({ hasText: 'v1.0' }).waitFor();
      await other.getByTestId('prompt-diff').waitFor();
    } finally {
      await other.close();
    }
  });

  it('creates a chat prompt with the keyboard only, then moves between tabs with arrow keys', async () => {
    await page.goto(`${server.url}/#/prompts`);
    await page.reload();
    await page.getByTestId('prompt-item-alpha/one').waitFor();
    await tabTo('new-prompt');
    await page.keyboard.press('Enter');
    await page.getByTestId('new-prompt-dialog').waitFor();
    await expect.poll(focusedTestId).toBe('new-prompt-name');
    await page.keyboard.type('kbd/chat-flow');

    // The kind: arrow keys open the Select and move to Chat, Enter picks it.
    await page.keyboard.press('Tab');
    await expect.poll(focusedTestId).toBe('new-prompt-kind');
    await page.keyboard.press('ArrowDown');
    // Open, the list puts the focus on the current kind; each arrow moves it one down.
    const highlighted = page.locator('[role="option"][data-highlighted]');
    await highlighted.filter({ hasText: 'System prompt' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await highlighted.filter({ hasText: 'User template' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await highlighted.filter({ hasText: 'Chat (composition)' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await expect(page.getByTestId('new-prompt-kind').textContent()).resolves.toBe(
      'Chat (composition)',
    );
    // Radix hands the focus back to the trigger once the list has closed.
    await expect.poll(focusedTestId).toBe('new-prompt-kind');

    // Enter submits the form.
    await page.keyboard.press('Enter');
    await page.getByTestId('new-prompt-dialog').waitFor({ state: 'detached' });
    await editorShows('kbd/chat-flow', 'v1.0');
    expect(hashOf(page.url())).toBe('#/prompts/kbd/chat-flow');
    // A chat prompt: the message list editor, not a single text.
    await page.getByTestId('message-list').waitFor();

    // The editor's tabs: one Tab stop, arrow keys move and open each view.
    await tabTo('tab-edit');
    await page.keyboard.press('ArrowRight');
    await expect.poll(selectedTab).toBe('tab-history');
    await page.getByTestId('version-list').waitFor();
    expect(hashOf(page.url())).toBe('#/prompts/kbd/chat-flow?tab=history');
    await page.keyboard.press('ArrowRight');
    await expect.poll(selectedTab).toBe('tab-diff');
    await page.keyboard.press('ArrowRight');
    await expect.poll(selectedTab).toBe('tab-preview');
    expect(hashOf(page.url())).toBe('#/prompts/kbd/chat-flow?tab=preview');
    await page.keyboard.press('Home');
    await expect.poll(selectedTab).toBe('tab-edit');
    expect(hashOf(page.url())).toBe('#/prompts/kbd/chat-flow');

    const listed = await api('prompts.get', { name: 'kbd/chat-flow' });
    expect((listed as { prompt: { kind: string } }).prompt.kind).toBe('chat');
  });

  it('shows a bad or taken name once, under the name field', async () => {
    await page.goto(`${server.url}/#/prompts`);
    await page.reload();
    await page.getByTestId('new-prompt').click();
    const dialog = page.getByTestId('new-prompt-dialog');
    await dialog.waitFor();

    await page.getByTestId('new-prompt-name').fill('Bad Name!');
    await page.getByTestId('create-prompt').click();
    const malformed = page.getByText('only, starting with a letter or digit');
    await malformed.waitFor();
    // Wait out anything else that might also say it (a toast, a form-level line).
    await page.waitForTimeout(500);
    await expect(malformed.count()).resolves.toBe(1);
    await expect(page.getByTestId('field-error').count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'prompts-bad-name.png') });
    await expect(page.getByTestId('new-prompt-name').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );

    // A name the core refuses (taken): also once, under the field, not in a toast.
    await page.getByTestId('new-prompt-name').fill('alpha/one');
    await expect.poll(() => malformed.count()).toBe(0);
    await page.getByTestId('create-prompt').click();
    const taken = page.getByText('is taken');
    await taken.waitFor();
    await page.waitForTimeout(500);
    await expect(taken.count()).resolves.toBe(1);
    await expect(dialog.getByTestId('field-error').textContent()).resolves.toMatch(/is taken/);
    await expect(
      page.locator('[data-sonner-toast]').filter({ hasText: 'is taken' }).count(),
    ).resolves.toBe(0);
  });

  it('asks before Back drops unsaved edits; keeping them keeps the address too', async () => {
    await page.goto(`${server.url}/#/prompts`);
    await page.reload();
    await page.getByTestId('prompt-item-alpha/one').click();
    await editorShows('alpha/one', 'v1.1');
    await page.getByTestId('prompt-item-beta/two').click();
    await editorShows('beta/two', 'v1.0');
    await page.getByTestId('prompt-text').fill('{{input}} edited');
    await page.getByTestId('unsaved-indicator').waitFor();

    await page.goBack();
    const ask = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    await expect.poll(() => hashOf(page.url())).toBe('#/prompts/beta/two');
    await expect(page.getByTestId('prompt-text').inputValue()).resolves.toBe('{{input}} edited');

    await page.goBack();
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Discard changes' }).click();
    await editorShows('alpha/one', 'v1.1');
    expect(hashOf(page.url())).toBe('#/prompts/alpha/one');
    await expect(page.getByTestId('unsaved-indicator').count()).resolves.toBe(0);
  });
});
