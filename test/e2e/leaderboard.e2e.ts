import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/fake-http';
import { defaultReply } from '../fakes/fake-reply';
import { startOpenAiFake } from '../fakes/openai-fake';
import { apiCall } from '../support/api-call';
import { launchChromium } from '../support/browser';
import { chooseOption } from '../support/radix-select';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');
const DATASET = `test_cases:
  - vars: { q: "alpha" }
    matchers: [{ type: contains, value: "alpha" }]
  - vars: { q: "beta" }
    matchers: [{ type: contains, value: "beta" }]
  - vars: { q: "gamma" }
    matchers: [{ type: contains, value: "gamma" }]
`;

let browser: Browser;
let server: ServeProcess;
let openai: FakeServer;
let dataDir: string;
let page: Page;

const api = <T>(channel: string, input: unknown): Promise<T> =>
  apiCall<T>(server.url, channel, input);

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  openai = await startOpenAiFake();
  // gpt-4o answers beside the point: dearer and worse than gpt-4o-mini, so dominated.
  openai.reply = (req) =>
    req.model === 'gpt-4o'
      ? { ...defaultReply(req), text: 'I would rather not.' }
      : defaultReply(req);
  dataDir = tempDirKept('assay-e2e-board-');
  server = await startServe(dataDir, [], {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-e2e-board-0000000000',
  });
  await api('prompts.create', {
    name: 'echo-word',
    kind: 'chat',
    content: { messages: [{ role: 'user', content: '{{q}}' }] },
  });
  await api('prompts.update', {
    name: 'echo-word',
    content: { messages: [{ role: 'user', content: 'Repeat: {{q}}' }] },
  });
  await api('datasets.import', { name: 'e2e-board', format: 'yaml', content: DATASET });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts a run of echo-word at `version` on each model from the Evals page's dialog. */
async function startRun(version: string, models: string[]): Promise<void> {
  await page.goto(`${server.url}/#/evals`);
  await page.getByTestId('page-evals').waitFor();
  await page.evaluate('localStorage.clear()');
  await page.getByTestId('new-run').click();
  await page.getByTestId('new-run-dialog').waitFor();
  await chooseOption(page, 'run-dataset', /^e2e-board /);
  await chooseOption(page, 'run-prompt', /^echo-word /);
  await chooseOption(page, 'run-prompt-version', new RegExp(`^${version.replace('.', '\\.')}`));
  for (const [i, model] of models.entries()) {
    if (i > 0) await page.getByTestId('run-add-model').click();
    await chooseOption(page, `run-provider-${i}`, 'OpenAI');
    await page.getByTestId(`run-model-${i}`).fill(model);
  }
  await page.getByTestId('run-start').click();
  await page.waitForURL(/#\/evals\/(runs\/|matrix\?)/);
}

async function waitForRuns(count: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { runs } = await api<{ runs: { status: string }[] }>('evals.list', {});
    if (runs.length >= count && runs.every((r) => r.status === 'completed')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('runs did not complete');
}

const rowTexts = () =>
  page
    .getByTestId('leaderboard-row')
    .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-frontier')} ${r.textContent}`));

describe('leaderboard in Chromium', () => {
  it('ranks two models run on a dataset, with the frontier drawn and the dominated greyed', async () => {
    await startRun('v1.0', ['gpt-4o-mini', 'gpt-4o']);
    await waitForRuns(2);

    await page.getByTestId('nav-leaderboard').click();
    await page.getByTestId('page-leaderboard').waitFor();
    // No scope in the address: the dataset run most recently.
    await expect.poll(() => page.getByTestId('leaderboard-row').count()).toBe(2);
    const rows = await rowTexts();
    expect(rows[0]).toMatch(/^yes echo-word@v1\.0.*frontier.*openai:gpt-4o-mini1\.000100\.0%/);
    expect(rows[1]).toMatch(/^no echo-word@v1\.0.*openai:gpt-4o0\.0000\.0%/);
    await expect(page.getByTestId('leaderboard-frontier-badge').count()).resolves.toBe(1);
    await expect(page.getByTestId('leaderboard-scope').textContent()).resolves.toMatch(/e2e-board/);

    // The scatter: one frontier point (coloured, with its step line), one greyed point.
    const chart = page.getByTestId('leaderboard-chart-cost');
    await expect(chart.textContent()).resolves.toMatch(/1 on the frontier, 1 dominated/);
    await expect.poll(() => chart.locator('.recharts-scatter-symbol').count()).toBe(2);
    await expect(page.getByTestId('leaderboard-chart-latency').textContent()).resolves.toMatch(
      /Score against p95 latency/,
    );
    await page.getByTestId('leaderboard-history').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'leaderboard.png'), fullPage: true });

    // Sorting is in the address; the cheapest first, then back.
    await page.getByTestId('leaderboard-sort-costPer1k').click();
    await page.waitForURL(/#\/leaderboard\?dataset=e2e-board&sort=costPer1k$/);
    await expect.poll(async () => (await rowTexts())[0]).toMatch(/gpt-4o-mini/);
    await page.getByTestId('leaderboard-sort-costPer1k').click();
    await page.waitForURL(/sort=costPer1k&dir=desc$/);
    await expect.poll(async () => (await rowTexts())[0]).not.toMatch(/gpt-4o-mini/);

    // The latency percentile too.
    await chooseOption(page, 'leaderboard-latency', 'p50 latency');
    await page.waitForURL(/latency=p50/);
    await expect(page.getByTestId('leaderboard-chart-latency').textContent()).resolves.toMatch(
      /Score against p50 latency/,
    );
  });

  it('takes in a run that completes while it is open, and reloads from its address', async () => {
    await page.goto(`${server.url}/#/leaderboard?dataset=e2e-board`);
    await expect.poll(() => page.getByTestId('leaderboard-row').count()).toBe(2);
    await api('evals.start', {
      dataset: 'e2e-board',
      prompt: { name: 'echo-word', version: 'v1.1' },
      targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
    });
    // The run's completion event refreshes the board: a third row, and a history step.
    await expect
      .poll(() => page.getByTestId('leaderboard-row').count(), { timeout: 15_000 })
      .toBe(3);
    await page.reload();
    await expect.poll(() => page.getByTestId('leaderboard-row').count()).toBe(3);

    await page.getByTestId('leaderboard-tab-contributors').click();
    await page.waitForURL(/#\/leaderboard\/contributors$/);
    await page.getByTestId('contributors-empty').waitFor();
  });
});
