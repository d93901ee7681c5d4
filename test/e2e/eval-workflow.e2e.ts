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

// Case 1 is scored (and passes: the fake echoes the country), case 2 has no assertion, case 3 an
// assertion Assay cannot run (line 13): those two are unscored once imported anyway.
const GEO_PROMPTFOO = `prompts:
  - 'Capital of {{country}}?'
providers:
  - openai:chat:gpt-4o-mini
tests:
  - vars: { country: France }
    assert:
      - type: contains
        value: France
  - vars: { country: Peru }
  - vars: { country: Chile }
    assert:
      - type: python
        value: output.startswith('Echo')
`;

// Case #0 lacks the prompt's {{country}}; case #1 wants a judge the run has not named.
const GEO_MIXED = `test_cases:
  - vars: { city: Lima }
    matchers: [{ type: contains, value: Lima }]
  - vars: { country: Peru }
    matchers: [{ type: llm-judge, rubric: names the capital }]
`;

interface Run {
  id: string;
  status: string;
  totals: { results: number; unscored: number; cachedResults: number };
}

let browser: Browser;
let server: ServeProcess;
let openai: FakeServer;
let dataDir: string;
let page: Page;

const api = <T>(channel: string, input: unknown): Promise<T> =>
  apiCall<T>(server.url, channel, input);

async function completed(runId: string): Promise<Run> {
  for (let i = 0; i < 200; i++) {
    const run = await api<Run>('evals.get', { runId });
    if (run.status === 'completed') return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`run ${runId} did not complete`);
}

/** Starts one run of geo/chat over `geo` through the API, and waits for it. */
async function runGeo(extra: Record<string, unknown> = {}): Promise<Run> {
  const started = await api<{ runs: Run[] }>('evals.start', {
    dataset: 'geo',
    prompt: { name: 'geo/chat' },
    targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
    ...extra,
  });
  return completed(started.runs[0]!.id);
}

const text = (testId: string) => page.getByTestId(testId).textContent();

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  openai = await startOpenAiFake();
  dataDir = tempDirKept('assay-e2e-eval-workflow-');
  server = await startServe(dataDir, [], {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-e2e-workflow-0000000000',
  });
  // A composition: its system turn is a component, followed at its newest version.
  await api('prompts.create', {
    name: 'geo/sys',
    kind: 'system',
    content: { text: 'You answer about {{country}}.' },
  });
  await api('prompts.create', {
    name: 'geo/chat',
    kind: 'chat',
    content: {
      messages: [
        { role: 'system', ref: { prompt: 'geo/sys' } },
        { role: 'user', content: 'Capital of {{country}}?' },
      ],
    },
  });
  // The UI import of the same config is tested below, under another name: each test stands alone.
  await api('datasets.import', {
    format: 'promptfoo',
    name: 'geo',
    content: GEO_PROMPTFOO,
    skipUnmapped: true,
  });
  await api('datasets.import', { format: 'yaml', name: 'geo-mixed', content: GEO_MIXED });
  await api('datasets.create', { name: 'geo-saved' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function openNewRun(dataset: string): Promise<void> {
  // A fresh load: nothing an earlier test left open is in the way.
  await page.goto('about:blank');
  await page.goto(`${server.url}/#/evals`);
  await page.getByTestId('page-evals').waitFor();
  // The dialog restores the last run's settings (a judge included): each test starts fresh.
  await page.evaluate('localStorage.clear()');
  await page.getByTestId('new-run').click();
  await page.getByTestId('new-run-dialog').waitFor();
  await chooseOption(page, 'run-dataset', new RegExp(`^${dataset} \\(`));
  await expect.poll(() => selectedValue(page, 'run-dataset')).toBe(dataset);
  await chooseOption(page, 'run-prompt', /^geo\/chat /);
  await chooseOption(page, 'run-provider-0', 'OpenAI');
  await page.getByTestId('run-model-0').fill('gpt-4o-mini');
}

describe('eval workflow in Chromium', () => {
  it('reports a promptfoo config with assertions Assay cannot run by line, and imports it anyway', async () => {
    await page.goto(`${server.url}/#/datasets`);
    await page.getByTestId('import-dataset').click();
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('import-text').fill(GEO_PROMPTFOO);
    await page.getByTestId('import-format').click();
    await page.getByRole('option', { name: 'promptfoo config', exact: true }).click();
    await page.getByTestId('import-name').fill('geo-ui');
    await page.getByTestId('import-submit').click();
    const report = page.getByTestId('import-unmapped');
    await report.waitFor();
    await expect(report.textContent()).resolves.toMatch(/line 13\b.*python/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-unmapped.png') });
    await page.getByTestId('import-anyway').click();
    await page.getByTestId('import-result').waitFor();
    await expect(text('import-result')).resolves.toContain('Imported 3 cases into geo-ui');
    await expect(text('import-warnings')).resolves.toMatch(/line 13.*python.*unscored/);
    const cases = await api<{ cases: { matchers: { type: string }[] }[] }>('cases.list', {
      dataset: 'geo-ui',
    });
    expect(cases.cases.map((c) => c.matchers.map((m) => m.type))).toEqual([
      ['contains'],
      [],
      ['unmapped'],
    ]);
    await page.keyboard.press('Escape');
  });

  it('pre-flights the new run: missing variables and matchers without a judge block Start', async () => {
    await openNewRun('geo-mixed');
    const missing = page.getByTestId('preflight-missing-variables');
    await missing.waitFor();
    await expect(missing.textContent()).resolves.toContain(
      'The dataset lacks variables the prompt uses: country (1 of 2 cases: #0)',
    );
    await expect(text('preflight-matcher-llm-judge')).resolves.toContain(
      'llm-judge needs a judge model (1 case: #1)',
    );
    await expect(text('preflight-prompt-variables')).resolves.toContain('country');
    await expect(text('preflight-dataset-variables')).resolves.toMatch(/city.*country/);
    await expect(page.getByTestId('run-start').isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'new-run-preflight.png') });

    // Naming a judge clears that problem; the missing variable still blocks the run.
    await page.getByTestId('run-judge-provider').click();
    await page.getByTestId('run-judge-provider-openai').click();
    await page.getByTestId('run-judge-model').fill('gpt-4o-mini');
    await page.getByTestId('preflight-matcher-llm-judge').waitFor({ state: 'detached' });
    await expect(missing.isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('run-start').isDisabled()).resolves.toBe(true);

    // A start the pre-flight did not see coming (its answer stubbed as clean) is refused by the
    // server: the refusal shows once, next to the fields, not as a toast as well.
    await page.route('**/api/evals.preflight', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          ok: true,
          data: {
            ok: true,
            cases: 2,
            promptVariables: ['country'],
            datasetVariables: ['city', 'country'],
            problems: [],
          },
        }),
      }),
    );
    // Another judge id: the form changed, so it is checked again (against the stub).
    await page.getByTestId('run-judge-model').fill('gpt-4o');
    await expect
      .poll(() => page.getByTestId('run-start').isEnabled(), { timeout: 10_000 })
      .toBe(true);
    await page.getByTestId('run-start').click();
    await page.getByTestId('run-refused').waitFor();
    await expect(text('preflight-missing-variables')).resolves.toContain('country');
    await expect(page.getByTestId('preflight-missing-variables').count()).resolves.toBe(1);
    await expect
      .poll(() => page.locator('[data-sonner-toast]').filter({ hasText: 'cannot start' }).count())
      .toBe(0);
    await expect(page.getByTestId('run-start').isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'new-run-refused.png') });
    await page.unroute('**/api/evals.preflight');
    const { runs } = await api<{ runs: Run[] }>('evals.list', {});
    expect(runs).toHaveLength(0);
    await page.keyboard.press('Escape');
  });

  it('runs with the cache on by default, counts unscored results apart and shows what ran', async () => {
    // The playground and the new-run dialog agree: the cache is on unless turned off.
    await openNewRun('geo');
    await expect(page.getByTestId('run-bypass-cache').isChecked()).resolves.toBe(false);
    await page.getByTestId('run-judge-provider').click();
    await page.getByTestId('run-judge-provider-openai').click();
    await page.getByTestId('run-judge-model').fill('gpt-4o-mini');
    await page.getByTestId('preflight-ok').waitFor();
    await page.getByTestId('run-start').click();
    await page.waitForURL(/#\/evals\/runs\//);
    const first = decodeURIComponent(/#\/evals\/runs\/([^/?]+)/.exec(page.url())![1]!);
    await completed(first);

    await expect.poll(() => text('run-cache')).toBe('cache on · 0 of 3 from cache');
    await expect(text('run-components')).resolves.toBe('system: geo/sys@v1.0');
    await expect(text('run-judge-model')).resolves.toContain('openai:gpt-4o-mini');
    await expect.poll(() => text('total-unscored')).toMatch(/^Unscored\s*2$/);
    // One case was scored, and it passed: 100% of 1, never "1 of 3".
    await expect(text('total-pass-rate')).resolves.toMatch(/100%\s*of 1/);
    await expect(text('progress-unscored')).resolves.toBe('2 unscored');
    await page.getByTestId('results-filter-unscored').click();
    await expect.poll(() => text('results-count')).toBe('2 results');
    await expect(
      page.locator('[data-testid^="result-row-"][data-status="unscored"]').count(),
    ).resolves.toBe(2);
    await page.screenshot({ path: path.join(ARTIFACTS, 'run-unscored.png'), fullPage: true });

    // The same run again reads every answer from the cache; a run without it says so.
    const second = await runGeo();
    expect(second.totals.cachedResults).toBe(3);
    await page.goto(`${server.url}/#/evals/runs/${second.id}`);
    await expect.poll(() => text('run-cache')).toBe('cache on · 3 of 3 from cache');
    await api('prompts.update', {
      name: 'geo/sys',
      content: { text: 'You answer briefly about {{country}}.' },
    });
    const third = await runGeo({ bypassCache: true });
    await page.goto(`${server.url}/#/evals/runs/${third.id}`);
    await expect.poll(() => text('run-cache')).toBe('cache off');
    await expect(text('run-components')).resolves.toBe('system: geo/sys@v1.1');

    // The runs list counts unscored apart, explained on hover.
    await page.goto(`${server.url}/#/evals`);
    const row = page.getByTestId(`run-row-${first}`);
    await expect.poll(() => row.getByTestId('run-unscored').textContent()).toBe('2');
    await expect(row.getByTestId('run-unscored').getAttribute('title')).resolves.toMatch(
      /never.*pass/i,
    );
    await expect(row.getByTestId('run-pass-rate').textContent()).resolves.toBe('100%');

    // Two runs of geo/chat@v1.0 with different components are two columns of the matrix.
    await page.goto(`${server.url}/#/evals/matrix?dataset=geo`);
    const matrix = page.getByTestId('run-matrix');
    await matrix.waitFor();
    await expect(matrix.locator('thead [data-testid^="matrix-column-"]').count()).resolves.toBe(2);
    await expect(text('matrix-column-0')).resolves.toMatch(/geo\/chat@v1\.0.*geo\/sys@v1\.0/);
    await expect(text('matrix-column-1')).resolves.toMatch(/geo\/chat@v1\.0.*geo\/sys@v1\.1/);
    await expect(text('matrix-column-0')).resolves.toContain('2 unscored');
    await page.screenshot({ path: path.join(ARTIFACTS, 'run-matrix-components.png') });

    // The comparison shows both prompts with their components, and that they differ.
    await page.goto(`${server.url}/#/evals/compare?baseline=${first}&candidate=${third.id}`);
    await page.getByTestId('compare-view').waitFor();
    await expect(text('compare-baseline')).resolves.toContain('system: geo/sys@v1.0');
    await expect(text('compare-candidate')).resolves.toContain('system: geo/sys@v1.1');
    await expect(text('compare-components-differ')).resolves.toContain('geo/sys');
    await page.screenshot({ path: path.join(ARTIFACTS, 'compare-components.png') });

    // The playground starts with the cache on too (a fresh profile).
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(`${server.url}/#/playground`);
    await fresh.getByTestId('page-playground').waitFor();
    await expect(fresh.getByTestId('bypass-cache').isChecked()).resolves.toBe(false);
    await fresh.close();
  });

  it("saves an eval result's span to an existing dataset after editing the case", async () => {
    const run = await runGeo();
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/evals/runs/${run.id}`);
    const france = page.locator('[data-testid^="result-row-"]').filter({ hasText: 'France' });
    await france.getByRole('button').first().click();
    await france.locator('[data-testid^="open-span-"]').click();
    await page.getByTestId('span-dialog').waitFor();
    await page.getByTestId('save-as-case-span').click();
    const dialog = page.getByTestId('save-case-dialog');
    await dialog.waitFor();
    // The prompt's variables, not the rendered messages.
    await expect
      .poll(() => page.getByTestId('save-case-vars').inputValue())
      .toContain('"country": "France"');
    await expect(page.getByTestId('save-case-vars').inputValue()).resolves.not.toContain('input');
    await expect(text('save-case-source')).resolves.toMatch(/the prompt's variables/i);
    await expect(page.getByTestId('save-case-expected').inputValue()).resolves.toBe(
      'Echo: Capital of France?',
    );

    await page.getByTestId('save-case-dataset').click();
    await page.getByRole('option', { name: 'geo-saved' }).click();
    await page.getByTestId('save-case-expected').fill('Paris');
    // The server's verdict on a matcher names the option; it shows next to that field.
    await page.getByTestId('matcher-add').click();
    await page.getByTestId('save-case-save').click();
    const matcher = page.getByTestId('matcher-0');
    await expect
      .poll(() => matcher.getByTestId('field-error').textContent())
      .toMatch(/give either value/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'save-case-dialog.png') });
    await page.getByTestId('matcher-0-value').fill('Paris');
    await page.getByTestId('save-case-save').click();
    await dialog.waitFor({ state: 'detached' });

    const saved = await api<{
      cases: { vars: Record<string, string>; expected?: unknown; matchers: unknown[] }[];
    }>('cases.list', { dataset: 'geo-saved' });
    expect(saved.cases).toHaveLength(1);
    expect(saved.cases[0]).toMatchObject({
      vars: { country: 'France' },
      expected: 'Paris',
      matchers: [{ type: 'contains', value: 'Paris' }],
    });
  });
});
