import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { launchChromium } from '../support/browser';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';
import { apiCall } from '../support/api-call';
import { chooseOption, selectedValue } from '../support/radix-select';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');
const DATASET = `test_cases:
  - vars: { q: "alpha" }
    matchers: [{ type: contains, value: "alpha" }]
  - vars: { q: "beta" }
    matchers: [{ type: contains, value: "beta" }, { type: starts-with, value: "Echo" }]
  - vars: { q: "gamma" }
    matchers: [{ type: regex, pattern: "gam+a" }]
`;

const PROMPTFOO_CONFIG = `prompts:
  - 'Say {{word}}'
providers:
  - openai:chat:gpt-4o-mini
tests:
  - vars: { word: alpha }
    assert:
      - type: icontains
        value: ALPHA
  - vars: { word: beta }
    assert:
      - type: contains
        value: beta
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
  dataDir = tempDirKept('assay-e2e-evals-');
  server = await startServe(dataDir, [], {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-e2e-evals-0000000000',
  });
  // v1.0 asks for the word itself (every case passes); v1.1 loses it (every case regresses).
  await api('prompts.create', {
    name: 'echo-word',
    kind: 'chat',
    content: { messages: [{ role: 'user', content: '{{q}}' }] },
    labels: ['production'],
  });
  await api('prompts.update', {
    name: 'echo-word',
    content: { messages: [{ role: 'user', content: 'say nothing' }] },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Picks an option of a kit Select (Radix: a button opening a listbox). */
async function choose(testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function startRun(version: string, models: string[]): Promise<void> {
  await page.goto(`${server.url}/#/evals`);
  await page.getByTestId('page-evals').waitFor();
  // The dialog restores the last run's settings (models included): each run here starts fresh.
  await page.evaluate('localStorage.clear()');
  await page.getByTestId('new-run').click();
  await page.getByTestId('new-run-dialog').waitFor();
  await chooseOption(page, 'run-dataset', /^e2e-cases /);
  await chooseOption(page, 'run-prompt', /^echo-word /);
  await chooseOption(page, 'run-prompt-version', new RegExp(`^${version.replace('.', '\\.')}`));
  for (const [i, model] of models.entries()) {
    if (i > 0) await page.getByTestId('run-add-model').click();
    await chooseOption(page, `run-provider-${i}`, 'OpenAI');
    await page.getByTestId(`run-model-${i}`).fill(model);
  }
  await page.getByTestId('run-start').click();
  // The app opens the new run (or the group's matrix) once the start returns; wait for it, or a
  // later page.goto can lose the race against that navigation.
  await page.waitForURL(/#\/evals\/(runs\/|matrix\?)/);
}

async function waitForRuns(
  count: number,
): Promise<{ id: string; model: string; promptVersion: string; status: string }[]> {
  for (let i = 0; i < 200; i++) {
    const { runs } = await api<{
      runs: { id: string; model: string; promptVersion: string; status: string }[];
    }>('evals.list', {});
    if (runs.length >= count && runs.every((r) => r.status === 'completed')) return runs;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('runs did not complete');
}

describe('evals in Chromium', () => {
  it('imports a dataset, runs it against two models, compares runs and highlights the regression', async () => {
    await page.goto(`${server.url}/#/datasets`);
    await page.getByTestId('page-datasets').waitFor();
    await page.getByTestId('import-dataset').click();
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('import-text').fill(DATASET);
    await choose('import-format', 'YAML');
    await page.getByTestId('import-name').fill('e2e-cases');
    await page.getByTestId('import-submit').click();
    await page.getByTestId('dataset-item-e2e-cases').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('dataset-item-e2e-cases').click();
    await page.getByTestId('case-row-2').waitFor();

    await startRun('v1.0', ['gpt-4o-mini', 'gpt-4o']);
    const first = await waitForRuns(2);
    const baseline = first.find((r) => r.model === 'gpt-4o-mini')!;
    await startRun('v1.1', ['gpt-4o-mini']);
    const all = await waitForRuns(3);
    const candidate = all.find((r) => r.promptVersion === 'v1.1')!;

    await page.goto(`${server.url}/#/evals`);
    await page.getByTestId(`run-row-${baseline.id}`).waitFor();
    await expect(
      page.getByTestId(`run-row-${baseline.id}`).getByTestId('run-pass-rate').textContent(),
    ).resolves.toMatch(/100/);
    await page.getByTestId(`compare-pick-${baseline.id}`).check();
    await page.getByTestId(`compare-pick-${candidate.id}`).check();
    await page.getByTestId('compare-selected').click();
    await page.getByTestId('compare-view').waitFor();
    const regressions = page.locator('[data-testid^="compare-case-"][data-highlight="regression"]');
    await regressions.first().waitFor();
    await expect(regressions.count()).resolves.toBe(3);
    await expect(page.getByTestId('compare-count-regression').textContent()).resolves.toMatch(/3/);
    // Regressions come first.
    await expect(
      page.locator('[data-testid^="compare-case-"]').first().getAttribute('data-change'),
    ).resolves.toBe('regression');
    await page.screenshot({ path: path.join(ARTIFACTS, 'evals-compare.png'), fullPage: true });

    // A result opens its span: the request as sent, the answer, tokens and cost.
    await page.goto(`${server.url}/#/evals/runs/${baseline.id}`);
    await page.getByTestId('result-row-1-0').getByRole('button').first().click();
    await page.getByTestId('open-span-1-0').click();
    await page.getByTestId('span-dialog').waitFor();
    await expect(page.getByTestId('span-status').textContent()).resolves.toBe('ok');
    // The prompt is the case's word; the fake model echoes it.
    const word = /alpha|beta|gamma/.exec((await page.getByTestId('span-message-0').textContent())!);
    expect(word).not.toBeNull();
    await expect(page.getByTestId('span-response-text').textContent()).resolves.toContain(word![0]);
    await expect(page.getByTestId('span-model').textContent()).resolves.toContain(
      'openai:gpt-4o-mini',
    );
    await expect(page.getByTestId('span-cost').textContent()).resolves.toMatch(/^\$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'evals-span.png') });
    // Steal as eval from the span: it becomes a case of a dataset made on the way.
    await page.getByTestId('save-as-case-span').click();
    await page.getByTestId('save-case-dialog').waitFor();
    await page.getByTestId('save-case-dataset').click();
    await page.getByRole('option', { name: 'New dataset…' }).click();
    await page.getByTestId('save-case-new-name').fill('e2e-stolen');
    await page.getByTestId('save-case-save').click();
    await page.getByTestId('save-case-dialog').waitFor({ state: 'detached' });
    await expect
      .poll(async () => {
        const list = await api<{ datasets: { name: string; caseCount: number }[] }>(
          'datasets.list',
          {},
        );
        return list.datasets.find((d) => d.name === 'e2e-stolen')?.caseCount ?? 0;
      })
      .toBe(1);
    await page.keyboard.press('Escape');
    await page.getByTestId('span-dialog').waitFor({ state: 'detached' });
  });

  it("imports a promptfoo config and runs it with the config's prompt and provider", async () => {
    await page.goto(`${server.url}/#/datasets`);
    await page.getByTestId('import-dataset').click();
    await page.getByTestId('import-text').fill(PROMPTFOO_CONFIG);
    await choose('import-format', 'promptfoo config');
    await page.getByTestId('import-name').fill('e2e-promptfoo');
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-suggestions').waitFor();
    await page.getByTestId('import-setup-run').click();
    // The new-run dialog opens filled in: the dataset, the prompt as a template, the provider.
    await page.getByTestId('new-run-dialog').waitFor();
    // The dataset list loads after the dialog opens; the select shows the choice once it has.
    await expect
      .poll(() => selectedValue(page, 'run-dataset'), { timeout: 10_000 })
      .toBe('e2e-promptfoo');
    await expect(page.getByTestId('run-inline-template').inputValue()).resolves.toBe(
      'Say {{word}}',
    );
    await expect(selectedValue(page, 'run-provider-0')).resolves.toBe('openai');
    await expect(page.getByTestId('run-model-0').inputValue()).resolves.toBe('gpt-4o-mini');
    await page.getByTestId('run-start').click();
    await page.waitForURL(/#\/evals\/runs\//);
    const runId = decodeURIComponent(/#\/evals\/runs\/([^/?]+)/.exec(page.url())![1]!);
    for (let i = 0; i < 100; i++) {
      const run = await api<{ status: string; totals: { pass: number } }>('evals.get', {
        runId,
      });
      if (run.status === 'completed') {
        expect(run.totals.pass).toBe(2);
        // The app stays on the new run (the setup in the address was used once).
        expect(page.url()).toContain(`/evals/runs/${runId}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the run did not complete');
  });

  it('creates, edits, renames and deletes a dataset, and undoes the delete', async () => {
    await page.goto(`${server.url}/#/datasets`);
    await page.getByTestId('new-dataset').click();
    await page.getByTestId('new-dataset-name').fill('e2e-scratch');
    await page.getByTestId('new-dataset-tags').fill('alpha');
    await page.getByTestId('create-dataset').click();
    await page.getByTestId('dataset-item-e2e-scratch').waitFor();
    await expect(page.getByTestId('dataset-title').textContent()).resolves.toBe('e2e-scratch');

    // A bad name is refused in the dialog, once, next to the field; nothing changes.
    await page.getByTestId('dataset-edit').click();
    await page.getByTestId('edit-dataset-name').fill('Bad Name!');
    await page.getByTestId('save-dataset').click();
    const dialog = page.getByTestId('edit-dataset-dialog');
    await dialog.getByTestId('field-error').waitFor();
    await expect(dialog.getByTestId('field-error').textContent()).resolves.toContain(
      'lowercase letters',
    );
    await expect(dialog.getByTestId('field-error').count()).resolves.toBe(1);
    await expect(page.getByTestId('edit-dataset-name').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );

    await page.getByTestId('edit-dataset-name').fill('e2e-renamed');
    await choose('edit-dataset-type', 'Classification');
    await page.getByTestId('edit-dataset-tags').fill('alpha, beta');
    await page.getByTestId('edit-dataset-description').fill('renamed in the browser');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dataset-edit.png') });
    await page.getByTestId('save-dataset').click();
    await page.getByTestId('dataset-item-e2e-renamed').waitFor();
    await page.getByTestId('dataset-item-e2e-scratch').waitFor({ state: 'detached' });
    await page.waitForURL(/#\/datasets\/e2e-renamed$/);
    await expect(page.getByTestId('dataset-description').textContent()).resolves.toContain(
      'renamed in the browser',
    );
    const saved = await api<{ dataset: { interactionType: string; tags: string[] } }>(
      'datasets.get',
      { name: 'e2e-renamed' },
    );
    expect(saved.dataset).toMatchObject({
      interactionType: 'classification',
      tags: ['alpha', 'beta'],
    });

    await page.getByTestId('dataset-delete').click();
    await page.getByTestId('dataset-item-e2e-renamed').waitFor({ state: 'detached' });
    await page.waitForURL(/#\/datasets$/);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('dataset-item-e2e-renamed').waitFor();
    await expect(page.getByTestId('dataset-title').textContent()).resolves.toBe('e2e-renamed');
  });
});
