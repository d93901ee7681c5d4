import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/fake-http';
import { defaultReply } from '../fakes/fake-reply';
import { startOpenAiFake } from '../fakes/openai-fake';
import { apiCall } from '../support/api-call';
import { launchChromium } from '../support/browser';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');

// Two variables per case, so the results have a column for each.
const CASES = `test_cases:
  - vars: { word: alpha, tone: calm }
    matchers: [{ type: contains, value: alpha }]
  - vars: { word: beta, tone: loud }
    matchers: [{ type: contains, value: beta }]
  - vars: { word: gamma, tone: calm }
    matchers: [{ type: contains, value: gamma }]
  - vars: { word: delta, tone: loud }
    matchers: [{ type: contains, value: delta }]
`;

/** gpt-4o-mini does not know the loud words; every other answer echoes the prompt. */
const FORGETFUL = new Set(['beta', 'delta']);

interface Run {
  id: string;
  groupId: string;
  model: string;
  status: string;
}

let browser: Browser;
let server: ServeProcess;
let openai: FakeServer;
let dataDir: string;
let page: Page;
let group: { groupId: string; mini: Run; full: Run };

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

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  openai = await startOpenAiFake();
  openai.reply = (request) => {
    const word = /\b(alpha|beta|gamma|delta)\b/.exec(request.lastUserText)?.[1] ?? '';
    if (request.model === 'gpt-4o-mini' && FORGETFUL.has(word))
      return { ...defaultReply(request), text: 'I would rather not say.' };
    return defaultReply(request);
  };
  dataDir = tempDirKept('assay-e2e-eval-results-');
  server = await startServe(dataDir, [], {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-e2e-results-0000000000',
  });
  await api('datasets.import', { format: 'yaml', name: 'words', content: CASES });
  // One group of two targets: gpt-4o passes every case, gpt-4o-mini fails beta and delta.
  const started = await api<{ groupId: string; runs: Run[] }>('evals.start', {
    dataset: 'words',
    prompt: { template: 'Say {{word}}, {{tone}}.' },
    targets: [
      { provider: 'openai', model: 'gpt-4o' },
      { provider: 'openai', model: 'gpt-4o-mini' },
    ],
  });
  const runs = await Promise.all(started.runs.map((r) => completed(r.id)));
  group = {
    groupId: started.groupId,
    full: runs.find((r) => r.model === 'gpt-4o')!,
    mini: runs.find((r) => r.model === 'gpt-4o-mini')!,
  };
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const rows = () => page.locator('[data-testid^="result-row-"]');
const firstWord = async () =>
  (await rows().first().locator('[data-column="var:word"]').textContent())?.trim();

describe('eval results in Chromium', () => {
  it('searches, sorts and chooses the columns of a run, and keeps the run open on reload', async () => {
    await page.goto(`${server.url}/#/evals/runs/${group.mini.id}`);
    await page.getByTestId('run-detail').waitFor();
    await expect.poll(() => rows().count()).toBe(4);

    // A column for each variable, each its own.
    await page.getByTestId('results-head-var:word').waitFor();
    await page.getByTestId('results-head-var:tone').waitFor();

    // A failed case shows its score in red with "fail", never like a pass.
    const failed = page.locator('[data-testid^="result-row-"][data-status="fail"]');
    await expect(failed.count()).resolves.toBe(2);
    await expect(failed.first().getByTestId('result-score').textContent()).resolves.toMatch(/fail/);
    await expect(failed.first().getByTestId('result-score').getAttribute('class')).resolves.toMatch(
      /text-destructive/,
    );

    // The search filters by any text: a variable's value, an output.
    await page.getByTestId('results-search').fill('rather not');
    await expect.poll(() => page.getByTestId('results-count').textContent()).toBe('2 results');
    await page.getByTestId('results-search').fill('gamma');
    await expect.poll(() => rows().count()).toBe(1);
    await expect(firstWord()).resolves.toBe('gamma');
    await page.getByTestId('results-search').fill('');
    await expect.poll(() => rows().count()).toBe(4);

    // Sorting: a click on a header sorts ascending, again descending, and says so.
    const head = page.getByTestId('results-head-var:word');
    await head.getByRole('button').click();
    await expect(head.getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect.poll(firstWord).toBe('alpha');
    await head.getByRole('button').click();
    await expect(head.getAttribute('aria-sort')).resolves.toBe('descending');
    await expect.poll(firstWord).toBe('gamma');
    await expect(page.getByTestId('results-head-var:tone').getAttribute('aria-sort')).resolves.toBe(
      'none',
    );

    // The column chooser hides a column, and remembers it across a reload.
    await page.getByTestId('results-columns').click();
    await page.getByTestId('results-column-var:tone').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('results-head-var:tone').waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'eval-results.png') });

    await page.reload();
    await page.getByTestId('run-detail').waitFor();
    // The run loads again from the address alone.
    await expect
      .poll(() => page.getByTestId('run-detail').getAttribute('data-run-id'))
      .toBe(group.mini.id);
    await expect.poll(() => rows().count()).toBe(4);
    await page.getByTestId('results-head-var:word').waitFor();
    await expect(page.getByTestId('results-head-var:tone').count()).resolves.toBe(0);
    await page.getByTestId('results-columns').click();
    await page.getByTestId('results-column-var:tone').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('results-head-var:tone').waitFor();
  });

  it('renders only the rows in view of a large run, and still searches every row', async () => {
    const many = Array.from(
      { length: 400 },
      (_, i) =>
        `  - vars: { word: w${i}, tone: calm }\n    matchers: [{ type: contains, value: w${i} }]`,
    ).join('\n');
    await api('datasets.import', {
      format: 'yaml',
      name: 'many',
      content: `test_cases:\n${many}\n`,
    });
    const started = await api<{ runs: Run[] }>('evals.start', {
      dataset: 'many',
      prompt: { template: 'Say {{word}}.' },
      targets: [{ provider: 'openai', model: 'gpt-4o' }],
      concurrency: 200,
    });
    const run = await completed(started.runs[0]!.id);
    await page.goto(`${server.url}/#/evals/runs/${run.id}`);
    await page.getByTestId('run-detail').waitFor();
    await expect.poll(() => page.getByTestId('results-count').textContent()).toBe('400 results');
    // A screenful is rendered, not 400 rows.
    await expect.poll(() => rows().count()).toBeLessThan(80);
    await page.getByTestId('results-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.getByTestId('result-row-399-0').waitFor();
    await expect(rows().count()).resolves.toBeLessThan(80);
    // The search reaches rows never rendered.
    await page.getByTestId('results-search').fill('w250');
    await expect.poll(() => rows().count()).toBe(1);
    await page.getByTestId('result-row-250-0').getByRole('button').first().click();
    await page.getByTestId('result-details-250-0').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'eval-results-large.png') });
  });

  it('shows a run group as a matrix, filtered to failures in the address', async () => {
    await page.goto(`${server.url}/#/evals/matrix?group=${group.groupId}`);
    const matrix = page.getByTestId('run-matrix');
    await matrix.waitFor();
    await expect.poll(() => page.locator('[data-testid^="matrix-row-"]').count()).toBe(4);
    await expect(page.getByTestId('matrix-column-0').textContent()).resolves.toContain(
      'openai:gpt-4o',
    );
    await expect(page.getByTestId('matrix-column-1').textContent()).resolves.toContain(
      'openai:gpt-4o-mini',
    );

    await page.getByTestId('matrix-filter-failures').click();
    await page.waitForURL(/filter=failures/);
    await expect.poll(() => page.locator('[data-testid^="matrix-row-"]').count()).toBe(2);
    const failing = page.locator('[data-testid="matrix-cell"][data-status="fail"]');
    await expect(failing.count()).resolves.toBe(2);
    await expect(
      page.locator('[data-testid="matrix-cell"][data-column="1"][data-status="fail"]').count(),
    ).resolves.toBe(2);
    await expect(failing.first().getByTestId('matrix-output').textContent()).resolves.toBe(
      'I would rather not say.',
    );
    // A cell expands to every matcher's reason.
    await failing.first().click();
    await failing.first().getByTestId('matcher-reasons').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'eval-matrix-failures.png') });

    // The filter survives a reload; Back returns to every case.
    await page.reload();
    await matrix.waitFor();
    await expect.poll(() => page.locator('[data-testid^="matrix-row-"]').count()).toBe(2);
    await expect(
      page.getByTestId('matrix-filter-failures').getAttribute('data-state'),
    ).resolves.toBe('on');
    await page.goBack();
    await expect.poll(() => page.locator('[data-testid^="matrix-row-"]').count()).toBe(4);

    // Different: the outputs disagree on the two forgotten words only.
    await page.getByTestId('matrix-filter-different').click();
    await page.waitForURL(/filter=different/);
    await expect.poll(() => page.locator('[data-testid^="matrix-row-"]').count()).toBe(2);
  });

  it("charts a dataset's runs, one point per run, when the list is filtered to it", async () => {
    // A third run of the dataset, later than the group.
    const third = await api<{ runs: Run[] }>('evals.start', {
      dataset: 'words',
      prompt: { template: '{{word}}' },
      targets: [{ provider: 'openai', model: 'gpt-4o' }],
    });
    await completed(third.runs[0]!.id);

    await page.goto(`${server.url}/#/evals`);
    await page.getByTestId('runs-table').waitFor();
    await expect(page.getByTestId('runs-chart').count()).resolves.toBe(0);
    await page.getByTestId('runs-dataset-filter').click();
    await page.getByRole('option', { name: 'words' }).click();
    await page.waitForURL(/#\/evals\/list\?dataset=words/);
    const chart = page.getByTestId('runs-chart');
    await chart.waitFor();
    await expect(chart.getAttribute('data-points')).resolves.toBe('3');
    await expect
      .poll(() =>
        page.getByTestId('runs-chart-pass-rate').locator('.recharts-line-dots circle').count(),
      )
      .toBe(3);
    await expect
      .poll(() => page.getByTestId('runs-chart-cost').locator('.recharts-line-dots circle').count())
      .toBe(3);
    await page.screenshot({ path: path.join(ARTIFACTS, 'eval-runs-chart.png') });

    // The dataset filter is in the address: a reload keeps it.
    await page.reload();
    await page.getByTestId('runs-chart').waitFor();
    await expect(page.getByTestId('runs-dataset-filter').textContent()).resolves.toBe('words');

    // Runs picked by hand make a matrix too, oldest on the left.
    await page.getByTestId(`compare-pick-${group.mini.id}`).check();
    await page.getByTestId(`compare-pick-${third.runs[0]!.id}`).check();
    await page.getByTestId('matrix-selected').click();
    await page.waitForURL(/#\/evals\/matrix\?runs=/);
    await page.getByTestId('run-matrix').waitFor();
    await expect.poll(() => page.locator('thead [data-testid^="matrix-column-"]').count()).toBe(2);
    await expect(page.getByTestId('matrix-column-0').textContent()).resolves.toContain(
      'gpt-4o-mini',
    );
    await expect.poll(() => page.locator('[data-testid^="matrix-row-"]').count()).toBe(4);
  });

  it('compares a baseline with two candidates picked in the runs list, and refuses a sixth pick', async () => {
    // Three more runs of the dataset: six in all, one more than a comparison takes.
    const more = await api<{ runs: Run[] }>('evals.start', {
      dataset: 'words',
      prompt: { template: 'Just {{word}}' },
      targets: [
        { provider: 'openai', model: 'gpt-4o' },
        { provider: 'openai', model: 'gpt-4o-mini' },
        { provider: 'openai', model: 'gpt-4o' },
      ],
    });
    await Promise.all(more.runs.map((r) => completed(r.id)));
    const [a, b, c] = more.runs.map((r) => r.id) as [string, string, string];

    await page.goto(`${server.url}/#/evals/list?dataset=words`);
    await page.getByTestId(`compare-pick-${group.full.id}`).waitFor();
    // Picked newest-last on purpose: the first picked is the baseline, not the oldest.
    for (const id of [b, group.full.id, group.mini.id, a, c])
      await page.getByTestId(`compare-pick-${id}`).check();
    await expect(page.getByTestId('compare-selected').textContent()).resolves.toContain(
      'Compare 5 runs',
    );

    // A sixth is refused, with a hint, and stays unpicked.
    const rest = (await api<{ runs: Run[] }>('evals.list', { dataset: 'words' })).runs.find(
      (r) => ![a, b, c, group.full.id, group.mini.id].includes(r.id),
    )!;
    await page.getByTestId(`compare-pick-${rest.id}`).click();
    const hint = page.getByTestId('compare-picked');
    await expect(hint.getAttribute('data-refused')).resolves.toBe('true');
    await expect(hint.textContent()).resolves.toMatch(/At most 5 runs/);
    await expect(page.getByTestId(`compare-pick-${rest.id}`).isChecked()).resolves.toBe(false);
    await page.screenshot({ path: path.join(ARTIFACTS, 'eval-runs-pick-refused.png') });

    // Down to three: the baseline and two candidates.
    await page.getByTestId(`compare-pick-${a}`).uncheck();
    await page.getByTestId(`compare-pick-${c}`).uncheck();
    await expect(page.getByTestId('compare-selected').textContent()).resolves.toContain(
      'Compare 3 runs',
    );
    await expect(hint.textContent()).resolves.toMatch(/2 candidates/);
    await page.getByTestId('compare-selected').click();
    await page.waitForURL(/#\/evals\/compare\?/);
    const url = new URL(page.url().replace('#/', ''));
    expect(url.searchParams.get('baseline')).toBe(b);
    expect(url.searchParams.get('candidates')).toBe(`${group.full.id},${group.mini.id}`);
    await page.getByTestId('compare-cases').waitFor();
    await expect(page.getByTestId('compare-remove-0').count()).resolves.toBe(1);
    await expect(page.getByTestId('compare-remove-1').count()).resolves.toBe(1);
    await expect(page.getByTestId('compare-remove-2').count()).resolves.toBe(0);
  });
});
