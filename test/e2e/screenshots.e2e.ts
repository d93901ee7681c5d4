import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunView } from '../../shared/contract';
import type { FakeServer } from '../fakes/fake-http';
import { defaultReply } from '../fakes/fake-reply';
import { startOpenAiFake } from '../fakes/openai-fake';
import { apiCall } from '../support/api-call';
import { launchChromium } from '../support/browser';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';

/**
 * Every page of a workbench with data in it, in the light and the dark theme, saved to
 * `test-artifacts/screenshots/<page>-<theme>.png`; the matrix and the compare view also go to
 * `docs/` for the README. Each page must render without a console error in both themes.
 */

const OUT = path.join(REPO_ROOT, 'test-artifacts/screenshots');
const DOCS = path.join(REPO_ROOT, 'docs');
const KEY = 'sk-screenshots-e2e-000000000000abcd';
const EXAMPLE_PROMPT = 'example/support-reply';

let browser: Browser;
let server: ServeProcess;
let openai: FakeServer;
let dataDir: string;
const consoleErrors: string[] = [];

const call = <T>(channel: string, input: unknown) => apiCall<T>(server.url, channel, input);

async function finished(runId: string): Promise<RunView> {
  for (let i = 0; i < 300; i += 1) {
    const run = await call<RunView>('evals.get', { runId });
    if (run.status !== 'running' && run.status !== 'queued') return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${runId} did not finish`);
}

async function startRuns(dataset: string, models: string[]): Promise<RunView[]> {
  const { runs } = await call<{ runs: RunView[] }>('evals.start', {
    dataset,
    prompt: { name: EXAMPLE_PROMPT },
    targets: models.map((model) => ({ provider: 'openai', model })),
  });
  return Promise.all(runs.map((r) => finished(r.id)));
}

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  openai = await startOpenAiFake();
  // gpt-4o misses the firmware question, so the matrix and the comparison have a regression.
  openai.reply = (request) =>
    request.model === 'gpt-4o' && /firmware/i.test(request.lastUserText)
      ? { ...defaultReply(request), text: 'Please contact support.' }
      : defaultReply(request);
  dataDir = tempDirKept('assay-e2e-screenshots-');
  server = await startServe(dataDir, [], { OPENAI_BASE_URL: `${openai.url}/v1` });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('screenshots of every page', () => {
  it('renders every page with data in the light and the dark theme', async () => {
    const example = await call<{ run: { dataset: string } }>('system.loadExample', {});
    const dataset = example.run.dataset;
    await call('settings.updateProvider', { provider: 'openai', apiKey: KEY });
    const [baseline, candidate] = await startRuns(dataset, ['gpt-4o-mini', 'gpt-4o']);
    const [third] = await startRuns(dataset, ['gpt-4.1-mini']);
    expect(baseline!.totals.pass).toBeGreaterThan(candidate!.totals.pass);

    const q = encodeURIComponent;
    const pages: [name: string, hash: string, ready: string][] = [
      ['prompts', `/prompts/${EXAMPLE_PROMPT}`, 'page-prompts'],
      ['playground', `/playground?prompt=${q(EXAMPLE_PROMPT)}`, 'page-playground'],
      ['datasets', `/datasets/${q(dataset)}`, 'page-datasets'],
      ['evals', `/evals/list?dataset=${q(dataset)}`, 'runs-chart'],
      ['run', `/evals/runs/${q(baseline!.id)}`, 'page-evals'],
      ['matrix', `/evals/matrix?group=${q(baseline!.groupId)}`, 'page-evals'],
      [
        'compare',
        `/evals/compare?baseline=${q(baseline!.id)}&candidates=${q(candidate!.id)},${q(third!.id)}`,
        'page-evals',
      ],
      ['models', '/models', 'page-models'],
      ['settings', '/settings', 'page-settings'],
      ['welcome', '/welcome', 'page-welcome'],
    ];

    for (const theme of ['light', 'dark'] as const) {
      await call('settings.updatePreferences', { theme });
      const page: Page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      // This browser's own choice too: on a team server (ASSAY_E2E_TEAM) the theme is each
      // browser's, and locally the cache only agrees with the saved preference.
      await page.addInitScript(`localStorage.setItem('assay.theme', ${JSON.stringify(theme)})`);
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(`${theme} ${page.url()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => consoleErrors.push(`${theme}: ${err.message}`));
      for (const [name, hash, ready] of pages) {
        await page.goto(`${server.url}/#${hash}`);
        await page.getByTestId(ready).waitFor();
        // The theme the settings name is the one on screen.
        await page.locator(theme === 'dark' ? 'html.dark' : 'html:not(.dark)').waitFor({
          state: 'attached',
        });
        await page.waitForLoadState('networkidle');
        const file = path.join(OUT, `${name}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: false });
        expect(fs.statSync(file).size).toBeGreaterThan(10_000);
        if (theme === 'light' && (name === 'matrix' || name === 'compare'))
          fs.copyFileSync(file, path.join(DOCS, `${name}.png`));
      }
      await page.close();
    }
    expect(consoleErrors).toEqual([]);
  });
});
