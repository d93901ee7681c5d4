import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnthropicFake } from '../fakes/anthropic-fake';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { launchChromium } from '../support/browser';
import { pickColumn } from '../support/playground-columns';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';
import { authHeadersFor } from '../support/team-mode';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');

let browser: Browser;
let server: ServeProcess;
let openai: FakeServer;
let anthropic: FakeServer;
let dataDir: string;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // A gap between stream events, so tokens visibly arrive before each column finishes.
  openai = await startOpenAiFake({ streamGapMs: 60 });
  anthropic = await startAnthropicFake({ streamGapMs: 60 });
  dataDir = tempDirKept('assay-e2e-prompts-');
  server = await startServe(dataDir, [], {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-e2e-openai-000000000000',
    ANTHROPIC_BASE_URL: anthropic.url,
    ANTHROPIC_API_KEY: 'sk-ant-e2e-000000000000',
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  await anthropic?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Opens the kit Select with this test id and picks the option whose name matches. */
async function pick(testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

async function createPrompt(name: string, kind: 'system' | 'user' | 'chat'): Promise<void> {
  await page.getByTestId('new-prompt').click();
  await page.getByTestId('new-prompt-dialog').waitFor();
  await page.getByTestId('new-prompt-name').fill(name);
  await page.getByTestId('new-prompt-kind').click();
  await page.getByTestId(`kind-option-${kind}`).click();
  await page.getByTestId('create-prompt').click();
  await page.getByTestId(`prompt-item-${name}`).waitFor();
  await page.getByTestId('prompt-version').filter({ hasText: 'v1.0' }).waitFor();
}

async function save(expected: string): Promise<void> {
  await page.getByTestId('save-prompt').click();
  await page.getByTestId('prompt-version').filter({ hasText: expected }).waitFor();
}

describe('prompt registry and playground in Chromium', () => {
  it('composes a system prompt and a user template, edits to v1.1, diffs and promotes it', async () => {
    await page.goto(`${server.url}/#/prompts`);
    await page.getByTestId('page-prompts').waitFor();

    await createPrompt('support/system', 'system');
    await page
      .getByTestId('prompt-text')
      .fill('You are a support agent for {{product}}. Answer briefly.');
    await save('v1.1');

    await createPrompt('support/question', 'user');
    await createPrompt('support/chat', 'chat');

    // Compose: the system prompt by reference (following its label), then the user turn.
    await page.getByTestId('add-ref').click();
    await pick('message-ref-prompt-1', 'support/system');
    await page.getByTestId('message-up-1').click();
    await page.getByTestId('message-ref-resolved-0').waitFor();
    await page.getByTestId('message-content-1').fill('Customer asks: {{input}}');
    await page.getByTestId('unsaved-indicator').waitFor();
    await save('v1.1');
    // The composition's variables include the referenced system prompt's {{product}}.
    await expect
      .poll(() => page.getByTestId('prompt-variables').textContent(), { timeout: 5000 })
      .toMatch(/product[\s\S]*input|input[\s\S]*product/);

    await page.getByTestId('tab-diff').click();
    const diff = page.getByTestId('prompt-diff');
    await diff.waitFor();
    await diff.locator('[data-diff="added"]').first().waitFor();
    await expect(diff.locator('[data-diff="added"]').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('Customer')]),
    );
    await page.getByTestId('diff-mode-inline').click();
    await page.screenshot({ path: path.join(ARTIFACTS, 'prompt-diff.png'), fullPage: true });

    await page.getByTestId('set-label').click();
    await page.getByTestId('set-label-dialog').waitFor();
    await page.getByTestId('label-input').fill('production');
    await pick('label-version', /^v1\.1\b/);
    await page.getByTestId('apply-label').click();
    await page.getByTestId('prompt-item-support/chat').getByTestId('label-production').waitFor();

    const res = await fetch(`${server.url}/api/prompts.get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeadersFor(server.url) },
      body: JSON.stringify({ name: 'support/chat' }),
    });
    const { data } = (await res.json()) as {
      data: { version: { version: string; labels: string[] } };
    };
    expect(data.version.version).toBe('v1.1');
    expect(data.version.labels).toContain('production');
  });

  it('runs the production version against two providers side by side, streaming', async () => {
    await page.getByTestId('tab-preview').click();
    await page.getByTestId('open-in-playground').click();
    await page.getByTestId('page-playground').waitFor();
    await page.getByTestId('playground-var-product').fill('Assay');
    await page.getByTestId('playground-var-input').fill('How do I reset my password?');

    const columns = [
      { provider: 'openai', model: 'gpt-4o-mini' },
      { provider: 'anthropic', model: 'claude-haiku-4-5' },
    ];
    for (const [i, c] of columns.entries()) await pickColumn(page, i, c.provider, c.model);

    await page.getByTestId('run-all').click();
    // Streaming: some text is in a column while that column is still running.
    for (const i of [0, 1]) {
      // Runs in the page (through CDP, so the page's strict CSP does not apply to it).
      await page.waitForFunction(
        (index: number) => {
          type El = { getAttribute(name: string): string | null; textContent: string | null };
          const doc = (
            globalThis as unknown as { document: { querySelector(s: string): El | null } }
          ).document;
          const column = doc.querySelector(`[data-testid="playground-column-${index}"]`);
          const output = doc.querySelector(`[data-testid="column-output-${index}"]`);
          return (
            column?.getAttribute('data-status') === 'running' &&
            (output?.textContent ?? '').length > 0
          );
        },
        i,
        { polling: 10 },
      );
    }
    for (const i of [0, 1]) {
      await page.locator(`[data-testid="playground-column-${i}"][data-status="ok"]`).waitFor();
      await expect(page.getByTestId(`column-output-${i}`).textContent()).resolves.toBe(
        'Echo: Customer asks: How do I reset my password?',
      );
      const stats = page.getByTestId(`column-stats-${i}`);
      await expect(stats.getByTestId(`column-input-${i}`).textContent()).resolves.toMatch(/\d/);
      await expect(stats.getByTestId(`column-output-tokens-${i}`).textContent()).resolves.toMatch(
        /\d/,
      );
      await expect(stats.getByTestId(`column-cost-${i}`).textContent()).resolves.toMatch(/\$/);
      await expect(stats.getByTestId(`column-latency-${i}`).textContent()).resolves.toMatch(
        /\d+\s*ms/,
      );
      await expect(stats.getByTestId(`column-ttft-${i}`).textContent()).resolves.toMatch(/\d/);
    }
    await page.screenshot({
      path: path.join(ARTIFACTS, 'playground-two-models.png'),
      fullPage: true,
    });

    // The system prompt reached both providers through the composition.
    const lastOpenAi = openai.requests.at(-1)!.body as {
      messages: { role: string; content: string }[];
    };
    expect(lastOpenAi.messages[0]).toEqual({
      role: 'system',
      content: 'You are a support agent for Assay. Answer briefly.',
    });
    const lastAnthropic = anthropic.requests.at(-1)!.body as { system: unknown };
    expect(JSON.stringify(lastAnthropic.system)).toContain('support agent for Assay');
  });
});
