import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { apiCall } from '../support/api-call';
import { launchChromium } from '../support/browser';
import { pickColumn } from '../support/playground-columns';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');
const VIEWPORT = { width: 1440, height: 900 };

let browser: Browser;
let server: ServeProcess;
let openai: FakeServer;
let dataDir: string;
let page: Page;
const consoleErrors: string[] = [];

interface ChatBody {
  readonly model: string;
  readonly temperature?: number;
  readonly max_tokens?: number;
  readonly max_completion_tokens?: number;
  readonly messages: { role: string; content: string }[];
}

function chatRequests(): ChatBody[] {
  return openai.requests
    .filter((r) => r.path.endsWith('/chat/completions'))
    .map((r) => r.body as ChatBody);
}

/** The playground's query, as the hash holds it. */
function urlParams(): URLSearchParams {
  const hash = new URL(page.url()).hash;
  return new URLSearchParams(hash.slice(hash.indexOf('?') + 1));
}

/** Where column 0's parameter comes from: `override`, `prompt` or `default`. */
function originOf(param: string): Promise<string | null> {
  return page.getByTestId(`column-param-origin-${param}-0`).getAttribute('data-origin');
}

function summary(): Promise<string | null> {
  return page.getByTestId('column-params-summary-0').textContent();
}

async function runAllAndWait(columns: number): Promise<void> {
  const before = chatRequests().length;
  await page.getByTestId('run-all').click();
  await expect.poll(() => chatRequests().length, { timeout: 10_000 }).toBe(before + columns);
  for (let i = 0; i < columns; i += 1) {
    await page.locator(`[data-testid="playground-column-${i}"][data-status="ok"]`).waitFor();
  }
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  openai = await startOpenAiFake();
  dataDir = tempDirKept('assay-e2e-playground-');
  server = await startServe(dataDir, [], {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-e2e-openai-000000000000',
  });
  // A system component and a chat prompt composing it, saved with a model config.
  await apiCall(server.url, 'prompts.create', {
    name: 'pg/tone',
    kind: 'system',
    content: { text: 'You are terse. You support {{product}}.' },
  });
  await apiCall(server.url, 'prompts.create', {
    name: 'pg/chat',
    kind: 'chat',
    content: {
      messages: [
        { role: 'system', ref: { prompt: 'pg/tone' } },
        { role: 'user', content: 'Question: {{q}}' },
      ],
      config: { temperature: 0.3, maxTokens: 77 },
    },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: VIEWPORT });
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('playground in Chromium', () => {
  it('applies the linked version’s saved config, and a column override wins until reset', async () => {
    await page.goto(
      `${server.url}/#/playground?prompt=pg/chat&version=v1.0&columns=openai:gpt-4o-mini`,
    );
    await page.getByTestId('page-playground').waitFor();
    await expect.poll(summary).toBe('temp 0.3 · max 77');
    await page.getByTestId('playground-var-product').fill('Assay');
    await page.getByTestId('playground-var-q').fill('How do I log in?');
    await page.getByTestId('bypass-cache').click();

    await runAllAndWait(1);
    const first = chatRequests().at(-1)!;
    expect(first.model).toBe('gpt-4o-mini');
    expect(first.temperature).toBe(0.3);
    expect(first.max_completion_tokens ?? first.max_tokens).toBe(77);
    expect(first.messages[0]).toEqual({
      role: 'system',
      content: 'You are terse. You support Assay.',
    });

    // The column overrides the temperature; max tokens still come from the prompt.
    await page.getByTestId('column-params-toggle-0').click();
    await page.getByTestId('column-temperature-0').fill('1.1');
    await expect(originOf('temperature')).resolves.toBe('override');
    await expect(originOf('max-tokens')).resolves.toBe('prompt');
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-params-override.png') });
    await page.keyboard.press('Escape');
    await expect(summary()).resolves.toBe('temp 1.1* · max 77');
    await runAllAndWait(1);
    const second = chatRequests().at(-1)!;
    expect(second.temperature).toBe(1.1);
    expect(second.max_completion_tokens ?? second.max_tokens).toBe(77);

    // Reset: the prompt's value again.
    await page.getByTestId('column-params-toggle-0').click();
    await page.getByTestId('column-param-reset-temperature-0').click();
    await expect(originOf('temperature')).resolves.toBe('prompt');
    await page.keyboard.press('Escape');
    await expect(summary()).resolves.toBe('temp 0.3 · max 77');
  });

  it('shows the text of a composed component inline, folding away', async () => {
    const text = page.getByTestId('playground-component-text-0');
    await expect(text.textContent()).resolves.toBe('You are terse. You support {{product}}.');
    await page.getByTestId('playground-component-toggle-0').click();
    await expect(text.count()).resolves.toBe(0);
    await page.getByTestId('playground-component-toggle-0').click();
    await text.waitFor();
  });

  it('saves an edit as a new version and links to it, keeping the typed values', async () => {
    await page.getByTestId('playground-message-content-1').fill('Question, briefly: {{q}}');
    await page.getByTestId('playground-edited').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-linked-edited.png') });
    await page.getByTestId('playground-save-version').click();
    const dialog = page.getByTestId('save-version-dialog');
    await dialog.getByTestId('save-version-message').fill('Shorter answers');
    await dialog.getByTestId('save-version-submit').click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(() => urlParams().get('version')).toBe('v1.1');
    // Once v1.1 has loaded, the draft is that version: nothing edited.
    await page.getByTestId('playground-edited').waitFor({ state: 'detached' });
    await expect(page.getByTestId('playground-var-q').inputValue()).resolves.toBe(
      'How do I log in?',
    );
    const saved = await apiCall<{ version: { message: string; content: unknown } }>(
      server.url,
      'prompts.get',
      { name: 'pg/chat', version: 'v1.1' },
    );
    expect(saved.version.message).toBe('Shorter answers');
    // The new version keeps the config it was edited from.
    expect(saved.version.content).toMatchObject({ config: { temperature: 0.3, maxTokens: 77 } });
  });

  it('saves Scratch as a new prompt and then links to it', async () => {
    await page.getByTestId('playground-prompt-select').click();
    await page.getByTestId('playground-prompt-option-scratch').click();
    await expect.poll(() => urlParams().get('prompt')).toBeNull();
    await page.getByTestId('playground-message-content-1').fill('Summarize: {{text}}');

    await page.getByTestId('playground-save-prompt').click();
    const dialog = page.getByTestId('save-prompt-dialog');
    await dialog.waitFor();
    // Bad input: a coded message next to the field, nothing sent.
    await dialog.getByTestId('save-prompt-name').fill('Bad Name');
    await dialog.getByTestId('save-prompt-submit').click();
    await expect(dialog.getByTestId('field-error').textContent()).resolves.toMatch(/lowercase/);

    await dialog.getByTestId('save-prompt-name').fill('pg/from-scratch');
    await dialog.getByTestId('save-prompt-submit').click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(() => urlParams().get('prompt')).toBe('pg/from-scratch');
    expect(urlParams().get('version')).toBe('v1.0');
    await expect
      .poll(() => page.getByTestId('playground-prompt-select').textContent())
      .toContain('pg/from-scratch');
    // Linked and unedited: nothing to save.
    await page.getByTestId('playground-save-prompt').waitFor({ state: 'detached' });
    await expect(page.getByTestId('playground-edited').count()).resolves.toBe(0);

    const saved = await apiCall<{ prompt: { kind: string }; version: { content: unknown } }>(
      server.url,
      'prompts.get',
      { name: 'pg/from-scratch' },
    );
    expect(saved.prompt.kind).toBe('chat');
    expect(saved.version.content).toMatchObject({
      messages: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: 'Summarize: {{text}}' },
      ],
    });
  });

  it('fits three columns side by side at 1440x900', async () => {
    await page.goto(
      `${server.url}/#/playground?columns=openai:gpt-4o,openai:gpt-4o-mini,openai:o3-mini`,
    );
    await page.getByTestId('playground-column-2').waitFor();
    await expect(page.getByTestId('playground-column-3').count()).resolves.toBe(0);
    for (const i of [0, 1, 2]) {
      const box = (await page.getByTestId(`playground-column-${i}`).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width);
      expect(box.width).toBeGreaterThanOrEqual(300);
    }
    const scroll = page.getByTestId('playground-columns');
    const sizes = await scroll.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
    }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-three-columns.png') });
  });

  it('scrolls six columns sideways, none squeezed', async () => {
    const six = ['gpt-4o', 'gpt-4o-mini', 'o3-mini', 'gpt-5', 'gpt-4o', 'gpt-4o-mini'];
    await page.goto(
      `${server.url}/#/playground?columns=${six.map((m) => `openai:${m}`).join(',')}`,
    );
    await page.getByTestId('playground-column-5').waitFor();
    const scroll = page.getByTestId('playground-columns');
    const sizes = await scroll.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
    }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    for (let i = 0; i < 6; i += 1) {
      const box = (await page.getByTestId(`playground-column-${i}`).boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(300);
    }
    // Three in view; the fourth and beyond start past the container's right edge.
    const frame = (await scroll.boundingBox())!;
    for (let i = 0; i < 6; i += 1) {
      const box = (await page.getByTestId(`playground-column-${i}`).boundingBox())!;
      if (i < 3) expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
      else expect(box.x).toBeGreaterThanOrEqual(frame.x + frame.width);
    }
    // The page itself does not scroll sideways: only the columns' container does.
    const pageWide = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document.documentElement.scrollWidth,
    );
    expect(pageWide).toBeLessThanOrEqual(VIEWPORT.width);

    await scroll.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect
      .poll(async () => {
        const box = (await page.getByTestId('playground-column-5').boundingBox())!;
        return box.x + box.width <= VIEWPORT.width;
      })
      .toBe(true);
  });

  it('keeps the linked prompt and the columns on reload and Back', async () => {
    await page.goto(`${server.url}/#/playground?prompt=pg/chat&columns=openai:gpt-4o`);
    await page.getByTestId('playground-column-0').waitFor();
    await expect(page.getByTestId('playground-column-1').count()).resolves.toBe(0);
    // A prompt named without a version is pinned to the one shown (the latest, v1.1).
    await expect.poll(() => urlParams().get('version')).toBe('v1.1');

    await page.getByTestId('add-column').click();
    await pickColumn(page, 1, 'openai', 'o3-mini');
    await expect.poll(() => urlParams().get('columns')).toBe('openai:gpt-4o,openai:o3-mini');

    const models = async () =>
      Promise.all(
        [0, 1].map((i) => page.getByTestId(`column-model-${i}`).getAttribute('data-model')),
      );
    await page.reload();
    await page.getByTestId('playground-column-1').waitFor();
    await expect(models()).resolves.toEqual(['gpt-4o', 'o3-mini']);
    await expect
      .poll(() => page.getByTestId('playground-prompt-select').textContent())
      .toContain('pg/chat');

    await page.goto(`${server.url}/#/prompts`);
    await page.getByTestId('page-prompts').waitFor();
    await page.goBack();
    await page.getByTestId('playground-column-1').waitFor();
    await expect(models()).resolves.toEqual(['gpt-4o', 'o3-mini']);
    await expect
      .poll(() => page.getByTestId('playground-prompt-select').textContent())
      .toContain('pg/chat');
  });

  it('opens a past run from the history sheet into the editor', async () => {
    await page.getByTestId('playground-history-open').click();
    const sheet = page.getByTestId('playground-history');
    await sheet.waitFor();
    // The newest run: the second of two, with the column's override of 1.1 as it was sent.
    await sheet.locator('[data-testid^="history-run-"]').first().click();
    await sheet.waitFor({ state: 'detached' });
    const snapshot = page.getByTestId('history-snapshot');
    await snapshot.waitFor();
    await expect(snapshot.getByTestId('playground-column-0').textContent()).resolves.toContain(
      'temp 1.1 · max 77',
    );
    await page.getByTestId('history-open').click();
    await expect.poll(() => urlParams().get('prompt')).toBeNull();
    await expect.poll(() => urlParams().get('columns')).toBe('openai:gpt-4o-mini');
    await expect(page.getByTestId('playground-message-content-0').inputValue()).resolves.toBe(
      'You are terse. You support Assay.',
    );
  });

  it('logged no browser console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
