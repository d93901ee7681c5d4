import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall } from '../support/api-call';
import { launchChromium } from '../support/browser';
import { chooseOption } from '../support/radix-select';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');

let browser: Browser;
let server: ServeProcess;
let dataDir: string;
let page: Page;
const errors: string[] = [];

const api = <T>(channel: string, input: unknown): Promise<T> =>
  apiCall<T>(server.url, channel, input);

async function shot(name: string): Promise<void> {
  await page.screenshot({
    path: path.join(ARTIFACTS, `online-scoring-${name}.png`),
    fullPage: true,
  });
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dataDir = tempDirKept('assay-e2e-online-scoring-');
  server = await startServe(dataDir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (msg) => {
    // The taken name is refused by the server on purpose (a 409 the form shows).
    if (msg.type() === 'error' && !/status of 409 \(Conflict\)/.test(msg.text()))
      errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  // A grader that needs no model: does the answer mention a refund?
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
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('online scoring in Chromium against assay serve', () => {
  it('creates a rule in the page and watches it score interactions as they arrive', async () => {
    await page.goto(`${server.url}/#/online-scoring`);
    await page.getByTestId('page-online-scoring').waitFor();
    // A new user is told what a rule does.
    await expect(page.getByTestId('scoring-empty').textContent()).resolves.toContain(
      'grades your app',
    );
    await page.getByTestId('nav-online-scoring').waitFor();

    await page.getByTestId('new-scoring-rule').click();
    const dialog = page.getByTestId('scoring-rule-form');
    await dialog.waitFor();
    // The contract's schema speaks before anything is sent: a name and a scorecard are needed,
    // and sampling is a percentage.
    await page.getByTestId('scoring-rule-sampling').fill('250');
    await page.getByTestId('save-scoring-rule').click();
    await dialog.getByText('a percentage from 0 to 100').waitFor();
    expect(await dialog.getByTestId('field-error').count()).toBe(3);
    await page.getByTestId('scoring-rule-name').fill('Support answers');
    await chooseOption(page, 'scoring-rule-scorecard', 'Support');
    await dialog.getByText('Scores with Mentions refund (deterministic).').waitFor();
    await page.getByTestId('scoring-rule-filter-types').fill('support, ');
    await page.getByTestId('scoring-rule-sampling').fill('100');
    await page.getByTestId('scoring-rule-budget').fill('');
    await page.getByTestId('save-scoring-rule').click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByTestId('scoring-rule-row');
    await row.getByTestId('scoring-rule-state').filter({ hasText: 'running' }).waitFor();
    await expect(row.textContent()).resolves.toMatch(/type support.*100%.*\$0 \(no limit\)/);

    // Three support answers (two mention a refund) and one of another type arrive.
    for (const [type, output] of [
      ['support', 'A refund is on its way.'],
      ['support', 'No.'],
      ['other', 'A refund, elsewhere.'],
      ['support', 'You get a refund.'],
    ])
      await api('interactions.create', { type, input: 'Can I get my money back?', output });
    await row.getByTestId('scoring-rule-scored').filter({ hasText: /^3$/ }).waitFor();
    await expect(row.textContent()).resolves.toContain('1 passed over');
    await expect(row.getByTestId('scoring-rule-through').textContent()).resolves.toMatch(
      /^through /,
    );
    await row.getByTestId('scoring-rule-open').click();
    await expect
      .poll(async () => (await page.getByTestId('scoring-score-value').allTextContents()).sort())
      .toEqual(['0', '1', '1']);
    await shot('scored');

    // A second rule with a live rule's name: the server refuses it at the name field.
    await page.getByTestId('new-scoring-rule').click();
    await page.getByTestId('scoring-rule-name').fill('Support answers');
    await chooseOption(page, 'scoring-rule-scorecard', 'Support');
    await page.getByTestId('save-scoring-rule').click();
    await dialog
      .getByTestId('field-error')
      .filter({ hasText: 'taken by a live scoring rule' })
      .waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Edited, the dialog opens with the rule's values; the list shows the new rate.
    await row.getByTestId('scoring-rule-edit').click();
    await expect(page.getByTestId('scoring-rule-filter-types').inputValue()).resolves.toBe(
      'support',
    );
    await page.getByTestId('scoring-rule-sampling').fill('50');
    await page.getByTestId('save-scoring-rule').click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('50%', { exact: true }).waitFor();

    // Re-score asks first, saying how many it would re-grade.
    await row.getByTestId('scoring-rule-rescore').click();
    await page.getByText('Up to 3 interactions this rule scored').waitFor();
    await page.getByRole('button', { name: 'Re-score 3 interactions' }).click();
    await page.getByText('Re-scoring Support answers').waitFor();

    // Disabled, it says why it scores nothing; deleted (after a confirm), the page is empty.
    await row.getByTestId('scoring-rule-enabled').click();
    await row
      .getByTestId('scoring-rule-reason')
      .filter({ hasText: 'disabled: it scores nothing until enabled' })
      .waitFor();
    await row.getByTestId('scoring-rule-delete').click();
    await page.getByRole('button', { name: 'Delete rule' }).click();
    await page.getByTestId('scoring-empty').waitFor();
    expect(errors).toEqual([]);
  });
});
