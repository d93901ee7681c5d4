import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultView, RunView } from '../../shared/contract';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { apiCall } from '../support/api-call';
import { launchChromium } from '../support/browser';
import { chooseOption, selectedValue } from '../support/radix-select';
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

async function finished(runId: string): Promise<RunView> {
  for (let i = 0; i < 300; i++) {
    const run = await api<RunView>('evals.get', { runId });
    if (run.status !== 'running' && run.status !== 'queued') return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`run ${runId} did not finish`);
}

async function startByApi(version: string, model: string, extra: object = {}): Promise<RunView> {
  const { runs } = await api<{ runs: RunView[] }>('evals.start', {
    dataset: 'flows',
    prompt: { name: 'echo-q', version },
    targets: [{ provider: 'openai', model }],
    ...extra,
  });
  return runs[0]!;
}

const runIdOfUrl = () => /#\/evals\/runs\/([^/?]+)/.exec(page.url())?.[1] ?? null;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  openai = await startOpenAiFake();
  dataDir = tempDirKept('assay-e2e-eval-flows-');
  server = await startServe(dataDir, [], {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-e2e-flows-0000000000',
  });
  await api('datasets.import', { name: 'flows', format: 'yaml', content: DATASET });
  // v1.0 echoes the word (every case passes); v1.1 loses it (every case regresses). The saved
  // config names the model the new-run dialog fills in.
  await api('prompts.create', {
    name: 'echo-q',
    kind: 'chat',
    content: {
      messages: [{ role: 'user', content: '{{q}}' }],
      config: { provider: 'openai', model: 'gpt-4o-mini' },
    },
  });
  await api('prompts.update', {
    name: 'echo-q',
    content: {
      messages: [{ role: 'user', content: 'say nothing' }],
      config: { provider: 'openai', model: 'gpt-4o-mini' },
    },
  });
  // A scorecard the dialog offers: one deterministic grader every echo passes.
  const echoes = await api<{ id: string }>('graders.create', {
    name: 'Echoes',
    definition: {
      kind: 'deterministic',
      check: { type: 'matcher', matcher: { type: 'contains', value: 'Echo' } },
    },
    scoreConfig: { type: 'boolean' },
  });
  await api('scorecards.create', {
    name: 'flows-card',
    body: { items: [{ graderId: echoes.id }], passThreshold: 0.5 },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('eval flows in Chromium', () => {
  it('scores a run with a matcher and a scorecard picked in the dialog, its options filled as a form', async () => {
    await page.goto(`${server.url}/#/evals`);
    await page.getByTestId('new-run').click();
    await page.getByTestId('new-run-dialog').waitFor();
    await chooseOption(page, 'run-dataset', /^flows /);
    await chooseOption(page, 'run-prompt', /^echo-q /);
    await chooseOption(page, 'run-prompt-version', /^v1\.0/);
    // The model comes from the prompt version's saved config.
    await expect.poll(() => page.getByTestId('run-model-0').inputValue()).toBe('gpt-4o-mini');

    // The dataset's matchers are listed; the one on "gamma" is switched off.
    const gamma = page.getByTestId('run-scorers').getByText('contains value="gamma"');
    await gamma.waitFor();
    const gammaBox = page
      .getByTestId('run-scorers')
      .locator('li')
      .filter({ hasText: 'contains value="gamma"' })
      .getByRole('checkbox');
    await gammaBox.click();
    await expect(gammaBox.getAttribute('data-state')).resolves.toBe('unchecked');

    // A regex added from the picker, its pattern typed into its field.
    await chooseOption(page, 'run-add-scorer', /^regex/);
    const editor = page.getByTestId('run-scorer-0');
    await editor.waitFor();
    await page.getByTestId('run-scorer-0-pattern').fill('(');
    // The server refuses the pattern: said next to the pattern, and Start waits.
    const fieldError = editor.getByTestId('field-error');
    await fieldError.waitFor();
    await expect(fieldError.textContent()).resolves.toMatch(/pattern|regular expression|regex/i);
    await expect.poll(() => page.getByTestId('run-start').isDisabled()).toBe(true);
    await page.getByTestId('run-scorer-0-pattern').fill('^Echo: [a-z]+$');
    await fieldError.waitFor({ state: 'detached' });
    await chooseOption(page, 'run-scorecard', /^flows-card · v1/);
    await expect(page.getByTestId('run-scorecard-hint').textContent()).resolves.toMatch(
      /^1 grader, passes at 50%/,
    );
    await page.getByTestId('preflight-ok').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'eval-flows-scorers.png') });
    await page.getByTestId('run-start').click();
    await page.waitForURL(/#\/evals\/runs\//);

    const runId = runIdOfUrl()!;
    const run = await finished(runId);
    expect(run.scorers?.add).toEqual([{ type: 'regex', pattern: '^Echo: [a-z]+$' }]);
    expect(run.scorers?.scorecard).toMatchObject({ name: 'flows-card', version: 1 });
    await expect(page.getByTestId('run-scorers-used').textContent()).resolves.toContain(
      'regex pattern="^Echo: [a-z]+$"',
    );
    await expect(page.getByTestId('run-scorecard').textContent()).resolves.toBe(
      'scorecard flows-card v1',
    );
    const { results } = await api<{ results: ResultView[] }>('evals.results', { runId });
    const byWord = new Map(results.map((r) => [r.vars.q, r]));
    expect(byWord.get('alpha')?.matchers.map((m) => [m.type, m.pass])).toEqual([
      ['contains', true],
      ['regex', true],
      ['scorecard', true],
    ]);
    // gamma's own matcher was switched off: the regex and the scorecard scored it.
    expect(byWord.get('gamma')?.matchers.map((m) => m.type)).toEqual(['regex', 'scorecard']);
    // A result's details show the scorecard's verdict with what its grader gave.
    await page.locator('[data-testid^="result-row-"]').first().getByRole('button').first().click();
    const grader = page.getByTestId('scorecard-grader').first();
    await grader.waitFor();
    await expect(grader.getAttribute('data-state')).resolves.toBe('scored');
    await expect(grader.textContent()).resolves.toMatch(/^Echoes v11/);

    // The next dialog starts from these settings.
    await page.goto(`${server.url}/#/evals`);
    await page.getByTestId('new-run').click();
    await page.getByTestId('new-run-dialog').waitFor();
    // The remembered settings apply once the dialog's lists have loaded.
    await expect.poll(() => selectedValue(page, 'run-dataset')).toBe('flows');
    await expect.poll(() => selectedValue(page, 'run-prompt')).toBe('echo-q');
    await expect(page.getByTestId('run-scorer-0-pattern').inputValue()).resolves.toBe(
      '^Echo: [a-z]+$',
    );
    await expect.poll(() => selectedValue(page, 'run-scorecard')).toBe(run.scorers!.scorecard!.id);
    await page.keyboard.press('Escape');
  });

  it('opens New run from the address, and refuses a bad concurrency once, next to the field', async () => {
    const before = await api<{ runs: RunView[] }>('evals.list', { dataset: 'flows' });
    // The command palette's New run: `#/evals?new=1` opens the dialog.
    await page.goto(`${server.url}/#/evals?new=1`);
    const dialog = page.getByTestId('new-run-dialog');
    await dialog.waitFor();
    // The remembered settings apply once the dialog's lists have loaded.
    await expect.poll(() => selectedValue(page, 'run-dataset')).toBe('flows');
    await page.getByTestId('preflight-ok').waitFor();

    await page.getByTestId('run-concurrency').fill('0');
    await page.getByTestId('run-start').click();
    const fieldError = dialog.getByTestId('field-error');
    await fieldError.waitFor();
    await expect(fieldError.textContent()).resolves.toBe(
      'Concurrency is a whole number from 1 to 256',
    );
    await expect(fieldError.count()).resolves.toBe(1);
    await expect(page.getByTestId('run-concurrency').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    // Said once: no error toast, no form-level error, and nothing started.
    expect(await page.locator('[data-sonner-toast][data-type="error"]').allTextContents()).toEqual(
      [],
    );
    await expect(dialog.getByTestId('form-error').count()).resolves.toBe(0);
    const after = await api<{ runs: RunView[] }>('evals.list', { dataset: 'flows' });
    expect(after.runs.length).toBe(before.runs.length);

    // Fixed, the error goes; closing the dialog drops the flag so a reload does not reopen it.
    await page.getByTestId('run-concurrency').fill('4');
    await fieldError.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(page.url()).not.toContain('new=1');
  });

  it('compares a baseline with two candidates, the count cards filtering the rows', async () => {
    const baseline = await finished((await startByApi('v1.0', 'gpt-4o-mini')).id);
    const worse = await finished((await startByApi('v1.1', 'gpt-4o-mini')).id);
    const same = await finished((await startByApi('v1.0', 'gpt-4o')).id);
    await page.goto(
      `${server.url}/#/evals/compare?baseline=${baseline.id}&candidates=${worse.id},${same.id}`,
    );
    await page.getByTestId('compare-candidate-1').waitFor();
    const rows = page.locator('[data-testid^="compare-case-"]');
    await expect.poll(() => rows.count()).toBe(3);
    // Counted against the first candidate: every case regressed.
    await expect(page.getByTestId('compare-count-regression').textContent()).resolves.toMatch(/3/);
    await expect(rows.first().getAttribute('data-change')).resolves.toBe('regression');
    // Both candidates side by side in each row.
    await expect(
      rows.first().getByTestId('compare-cell-change').allTextContents(),
    ).resolves.toEqual(['regression', 'unchanged-pass']);

    await page.getByTestId('compare-count-unchanged-pass').click();
    await page.getByTestId('compare-empty').waitFor();
    await expect.poll(() => rows.count()).toBe(0);
    expect(page.url()).toContain('filter=unchanged-pass');
    // The filter is in the URL: a reload keeps it.
    await page.reload();
    await page.getByTestId('compare-empty').waitFor();
    await expect(page.getByTestId('compare-cases').getAttribute('data-filter')).resolves.toBe(
      'unchanged-pass',
    );

    // Against the second candidate, nothing changed.
    await page.getByTestId('compare-focus-1').click();
    await expect
      .poll(() => page.getByTestId('compare-count-unchanged-pass').textContent())
      .toMatch(/3/);
    await page.getByTestId('compare-count-unchanged-pass').click();
    await expect.poll(() => rows.count()).toBe(3);
    expect(page.url()).toContain(`focus=${same.id}`);

    // A row opens to both outputs in full and a diff against each.
    await rows.first().click();
    const baselineOutput = await page.getByTestId('compare-output-baseline').textContent();
    expect(baselineOutput).toMatch(/^Echo: (alpha|beta|gamma)$/);
    await expect(page.getByTestId('compare-output-candidate').textContent()).resolves.toBe(
      'Echo: say nothing',
    );
    await expect(page.getByTestId('compare-output-candidate-1').textContent()).resolves.toBe(
      baselineOutput,
    );
    await expect(page.getByTestId('word-diff').count()).resolves.toBe(2);
    await page.screenshot({ path: path.join(ARTIFACTS, 'eval-flows-compare.png'), fullPage: true });

    // Per-matcher deltas for each candidate.
    await expect(
      page
        .getByTestId('compare-matcher-contains')
        .getByTestId('compare-matcher-delta')
        .allTextContents(),
    ).resolves.toEqual(['−100.0 pts', '±0.0 pts']);
  });

  it('re-runs a run with another prompt version and deletes runs, refusing an executing one', async () => {
    const source = await finished((await startByApi('v1.0', 'gpt-4o')).id);
    await page.goto(`${server.url}/#/evals/runs/${source.id}`);
    await page.getByTestId('run-rerun').click();
    await page.getByTestId('new-run-dialog').waitFor();
    // Filled in from the run.
    await expect.poll(() => selectedValue(page, 'run-prompt')).toBe('echo-q');
    await expect(selectedValue(page, 'run-prompt-version')).resolves.toBe('version:v1.0');
    await expect(page.getByTestId('run-model-0').inputValue()).resolves.toBe('gpt-4o');
    await chooseOption(page, 'run-prompt-version', /^v1\.1/);
    await page.getByTestId('preflight-ok').waitFor();
    await page.getByTestId('run-start').click();
    await page.waitForURL(
      (url) => url.hash.startsWith('#/evals/runs/') && !url.hash.includes(source.id),
    );
    const rerun = await finished(runIdOfUrl()!);
    expect(rerun).toMatchObject({ promptVersion: 'v1.1', model: 'gpt-4o', dataset: 'flows' });

    // Deleting the finished re-run: confirmed, then back to the list, and the run is gone.
    await page.getByTestId('run-delete').click();
    await page.getByRole('button', { name: 'Delete run' }).click();
    await page.waitForURL(/#\/evals\/list\?dataset=flows/);
    await expect(api('evals.get', { runId: rerun.id })).rejects.toThrow(/no run/);

    // A run still executing is refused, and the page says why.
    openai.faults.enqueue(
      ...Array.from({ length: 3 }, () => ({ kind: 'delay' as const, ms: 2500 })),
    );
    const slow = await startByApi('v1.0', 'gpt-4o', { bypassCache: true, concurrency: 1 });
    await page.goto(`${server.url}/#/evals/runs/${slow.id}`);
    await page.getByTestId('run-delete').click();
    await page.getByRole('button', { name: 'Delete run' }).click();
    await expect(page.getByTestId('run-delete-error').textContent()).resolves.toMatch(
      /CONFLICT.*executing|executing.*cancel/i,
    );
    await finished(slow.id);
    await expect(api<RunView>('evals.get', { runId: slow.id })).resolves.toMatchObject({
      status: 'completed',
    });
  });
});
