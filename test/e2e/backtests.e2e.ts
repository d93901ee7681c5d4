import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { apiCall } from '../support/api-call';
import { launchChromium } from '../support/browser';
import { chooseOption } from '../support/radix-select';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');
const TAG = 'bt-e2e';
const ORDERS = [1, 2, 3, 4];

let browser: Browser;
let server: ServeProcess;
let openai: FakeServer;
let dataDir: string;
let page: Page;
const errors: string[] = [];

const api = <T>(channel: string, input: unknown): Promise<T> =>
  apiCall<T>(server.url, channel, input);

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `backtests-${name}.png`), fullPage: true });
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  openai = await startOpenAiFake();
  dataDir = tempDirKept('assay-e2e-backtests-');
  server = await startServe(dataDir, [], {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-e2e-openai-000000000000',
  });
  // Production traffic: each support interaction made one LLM call (answered by the fake,
  // "Echo: …"), and production answered with a refund, which the scorecard wants.
  for (const n of ORDERS) {
    const question = `Where is my order ${n}?`;
    const call = await api<{ traceId: string }>('llm.call', {
      provider: 'openai',
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Answer support mail.' },
        { role: 'user', content: question },
      ],
    });
    await api('interactions.create', {
      type: 'support',
      input: question,
      output: `A refund for order ${n} is on its way.`,
      tags: [TAG],
      traceId: call.traceId,
    });
  }
  // Another app's interaction: the set's tag filter leaves it out.
  await api('interactions.create', { type: 'support', input: 'Hi', output: 'refund', tags: ['x'] });
  const grader = await api<{ id: string }>('graders.create', {
    name: 'Mentions refund',
    definition: {
      kind: 'deterministic',
      check: { type: 'matcher', matcher: { type: 'contains', value: 'refund' } },
    },
    scoreConfig: { type: 'boolean' },
  });
  await api('scorecards.create', {
    name: 'Support',
    body: { items: [{ graderId: grader.id }], passThreshold: 0.5 },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('backtests in Chromium against assay serve', () => {
  it('makes a set from the Traces page, backtests a model, reads the verdict and exports regressions', async () => {
    // The Traces page's filters (a tag, the last 24 hours) prefill the New set dialog.
    await page.goto(`${server.url}/#/traces?range=24h&tags=${TAG}`);
    await page.getByTestId('traces-backtest-set').click();
    const dialog = page.getByTestId('new-set-form');
    await dialog.waitFor();
    expect(page.url()).toMatch(/#\/backtests\?new=1/);
    await expect(page.getByTestId('new-set-tags').inputValue()).resolves.toBe(TAG);
    const from = await page.getByTestId('new-set-from').inputValue();
    expect(Date.now() - Date.parse(from)).toBeGreaterThan(23 * 3_600_000);
    // The contract's schema speaks before anything is sent.
    await page.getByTestId('new-set-sample-size').fill('0');
    await page.getByTestId('create-set').click();
    await dialog.getByText('a whole number from 1 to 10,000').waitFor();
    await page.getByTestId('new-set-name').fill('Support traffic');
    await page.getByTestId('new-set-sample-size').fill('50');
    await page.getByTestId('create-set').click();

    // The set page: the four tagged interactions, frozen with their call each.
    await page.getByTestId('backtest-set').waitFor();
    await expect(page.getByTestId('backtest-set-summary').textContent()).resolves.toContain(
      '4 items from interactions · 4 LLM calls recorded',
    );
    await expect(page.getByTestId('backtest-item-row').count()).resolves.toBe(4);

    // A candidate model, graded by the scorecard; the estimate shows before it starts.
    await chooseOption(page, 'run-candidate-provider', 'OpenAI');
    await page.getByTestId('run-candidate-model').fill('gpt-4o');
    await chooseOption(page, 'run-scorecard', 'Support');
    await page
      .getByTestId('run-estimate')
      .filter({ hasText: /Estimate: ~\$[\d.]+ for 1 side, 4 calls/ })
      .waitFor();
    await shot('set');
    await page.getByTestId('start-backtest').click();

    // The run: the candidate echoes the question without a refund, so every pair regresses.
    await page.getByTestId('backtest-run').waitFor();
    await page.locator('[data-testid="backtest-run-status"][data-status="completed"]').waitFor();
    await expect(page.getByTestId('backtest-run-progress').textContent()).resolves.toMatch(
      // Results over items x sides: 4 items, production and the candidate.
      /^8\/8 done/,
    );
    const card = page.getByTestId('verdict-card');
    await card.locator('[data-testid="verdict-badge"][data-verdict="worse"]').waitFor();
    await expect(card.getByTestId('verdict-wtl').textContent()).resolves.toBe('0 / 0 / 4');
    await expect(card.getByTestId('verdict-delta').textContent()).resolves.toMatch(/^-1\.000 /);
    await expect(card.getByTestId('verdict-pass-rate').textContent()).resolves.toBe(
      '100.0% → 0.0%',
    );
    await expect(card.getByTestId('verdict-scored').textContent()).resolves.toBe('4 of 4');
    const pairs = page.getByTestId('backtest-pair');
    await expect(pairs.count()).resolves.toBe(4);
    await expect(
      page.locator('[data-testid="backtest-pair"][data-regression="true"]').count(),
    ).resolves.toBe(4);
    // The diff shows production's refund struck out and the candidate's echo added.
    const first = pairs.first();
    await expect(
      first.locator('[data-diff="removed"]').first().textContent(),
    ).resolves.toBeTruthy();
    await expect(first.locator('[data-diff="added"]').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('Echo')]),
    );
    await shot('run');

    // Regressions to a dataset, in one action; the dataset holds them as cases.
    await page.getByTestId('export-dataset-name').fill('support-regressions');
    await page.getByTestId('export-regressions-submit').click();
    await page
      .getByTestId('export-result')
      .filter({ hasText: '4 cases added to support-regressions' })
      .waitFor();
    const dataset = await api<{ cases: { vars: Record<string, string> }[] }>('datasets.get', {
      name: 'support-regressions',
    });
    expect(dataset.cases).toHaveLength(4);
    // Each case keeps its item's question (in its variables).
    const vars = JSON.stringify(dataset.cases.map((c) => c.vars));
    for (const n of ORDERS) expect(vars).toContain(`Where is my order ${n}?`);

    // The sets list shows the set; its page lists the run with its verdict.
    await page.goto(`${server.url}/#/backtests`);
    await page.getByTestId('backtest-set-open').filter({ hasText: 'Support traffic' }).click();
    await page
      .getByTestId('backtest-run-row')
      .locator('[data-testid="verdict-badge"][data-verdict="worse"]')
      .waitFor();

    // The same backtest on a schedule: weekly, alerting on a regression; the set lists it.
    await page.goto(`${server.url}/#/backtests`);
    await page.getByTestId('backtest-set-open').filter({ hasText: 'Support traffic' }).click();
    await page.getByTestId('backtest-set').waitFor();
    await chooseOption(page, 'run-candidate-provider', 'OpenAI');
    await page.getByTestId('run-candidate-model').fill('gpt-4o');
    await chooseOption(page, 'run-scorecard', 'Support');
    await chooseOption(page, 'run-repeat', 'Weekly');
    await page.getByTestId('schedule-name').fill('Monday check');
    await page.getByTestId('schedule-at').fill('06:30');
    await chooseOption(page, 'schedule-weekday', 'Monday');
    await page.getByTestId('start-backtest').click();
    const scheduled = page.getByTestId('backtest-schedule-row').filter({ hasText: 'Monday check' });
    await scheduled.waitFor();
    await expect(scheduled.textContent()).resolves.toContain('Mondays at 06:30 UTC');

    // A second candidate through the API, then the set's leaderboard: both models answer the
    // same (an echo), so the cheaper gpt-4o-mini holds the frontier and gpt-4o is dominated.
    const { sets } = await api<{ sets: { id: string; name: string }[] }>('backtests.sets.list', {});
    const setId = sets.find((s) => s.name === 'Support traffic')!.id;
    const second = await api<{ id: string }>('backtests.runs.create', {
      set: setId,
      candidates: [{ model: { provider: 'openai', model: 'gpt-4o-mini' } }],
      scorecard: { name: 'Support' },
    });
    for (let i = 0; i < 200; i++) {
      const run = await api<{ status: string }>('backtests.runs.get', { id: second.id });
      if (run.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await page.goto(`${server.url}/#/leaderboard?set=${setId}`);
    const rows = page.getByTestId('leaderboard-row');
    await rows.nth(1).waitFor();
    await expect(rows.count()).resolves.toBe(2);
    await expect(
      rows.filter({ hasText: 'gpt-4o-mini' }).getByTestId('leaderboard-frontier-badge').count(),
    ).resolves.toBeGreaterThan(0);
    // The scatter of score against cost: one frontier point, one greyed.
    const chart = page.getByTestId('leaderboard-chart-cost');
    await chart.waitFor();
    await expect(chart.textContent()).resolves.toMatch(/1 on the frontier, 1 dominated/);
    await shot('leaderboard');
    expect(errors).toEqual([]);
  });
});
