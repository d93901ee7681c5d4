import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULLSEYE_LEVELS } from '../../shared/contract';
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

let browser: Browser;
let server: ServeProcess;
let openai: FakeServer;
let dataDir: string;
let page: Page;
const pageErrors: string[] = [];

const api = <T>(channel: string, input: unknown): Promise<T> =>
  apiCall<T>(server.url, channel, input);

interface Grader {
  id: string;
  name: string;
  latest: { version: number; scoreConfig: { type: string; levels?: { name: string }[] } };
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dataDir = tempDirKept('assay-e2e-graders-');
  // Judges get a verdict: Bullseye, except gpt-4o (the second judge) on the second answer.
  openai = await startOpenAiFake();
  openai.reply = (request) =>
    request.lastUserText.includes('<output>')
      ? {
          ...defaultReply(request),
          text: JSON.stringify({
            reason: 'checked',
            level:
              request.model === 'gpt-4o' && request.lastUserText.includes('case 2')
                ? 'One hop short'
                : 'Bullseye',
          }),
        }
      : defaultReply(request);
  server = await startServe(dataDir, [], {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-e2e-graders-0000000000',
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (err) => pageErrors.push(err.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const graders = async () => (await api<{ graders: Grader[] }>('graders.list', {})).graders;

describe('Graders and Scorecards in Chromium', () => {
  it('creates an LLM judge with the Bullseye preset through the form and lists it', async () => {
    await page.goto(`${server.url}/#/graders`);
    // The built-ins are listed with their badges.
    await page.getByTestId('grader-item-Accuracy').waitFor();
    await expect(
      page.getByTestId('grader-item-Accuracy').getByTestId('grader-built-in').count(),
    ).resolves.toBe(1);

    await page.getByTestId('new-grader').click();
    await page.getByTestId('grader-form').waitFor();
    expect(page.url()).toMatch(/#\/graders\?new=1$/);
    await page.getByTestId('grader-form-name').fill('Support accuracy');
    await page.getByTestId('judge-prompt-name').fill('assay-judge-accuracy');
    await page.getByTestId('judge-model').fill('gpt-4o-mini');
    await page.getByTestId('bullseye-preset').click();
    await expect(page.getByTestId('level-0-name').inputValue()).resolves.toBe('Bullseye');
    await expect(page.getByTestId('level-3-name').inputValue()).resolves.toBe('Wrong');
    await expect(page.getByTestId('level-1-value').inputValue()).resolves.toBe('65');
    await page
      .getByTestId('grader-form-rubric')
      .fill('Is the answer right for our support policy?');
    await page.screenshot({ path: path.join(ARTIFACTS, 'grader-form.png') });
    await page.getByTestId('save-grader').click();
    await page.getByTestId('grader-form').waitFor({ state: 'detached' });

    // Opened at its own address, and listed with its kind and scale.
    await expect(page.getByTestId('grader-name').textContent()).resolves.toBe('Support accuracy');
    const item = page.getByTestId('grader-item-Support accuracy');
    await item.waitFor();
    await expect(item.getByTestId('grader-config').textContent()).resolves.toBe(
      'Bullseye (4 levels)',
    );
    await expect(item.getByTestId('grader-kind').textContent()).resolves.toBe('LLM judge');
    const stored = (await graders()).find((g) => g.name === 'Support accuracy')!;
    expect(page.url()).toContain(`#/graders/${stored.id}`);
    expect(stored.latest.scoreConfig.levels?.map((l) => l.name)).toEqual([
      'Bullseye',
      'One hop short',
      'Right area',
      'Wrong',
    ]);
    await page.getByTestId('grader-tab-calibration').click();
    await page.getByTestId('calibration-empty').waitFor();
    expect(page.url()).toMatch(/tab=calibration/);
    // Saving the edit dialog unchanged makes no new version, and says so.
    await page.getByTestId('edit-grader').click();
    await expect(page.getByTestId('grader-form-name').isDisabled()).resolves.toBe(true);
    await page.getByTestId('save-grader').click();
    await page.getByText('Nothing changed: no new version').waitFor();
    await page.getByTestId('grader-form').waitFor({ state: 'detached' });
  });

  it("shows the server's refusal at its field: a name a live grader has", async () => {
    await page.goto(`${server.url}/#/graders?new=1`);
    await page.getByTestId('grader-form').waitFor();
    await page.getByTestId('grader-form-name').fill('Support accuracy');
    await chooseOption(page, 'grader-kind-select', 'Human');
    await page.getByTestId('save-grader').click();
    const nameError = page
      .getByTestId('grader-form')
      .locator('[data-testid="field-error"]')
      .filter({ hasText: 'taken by a live grader' });
    await nameError.waitFor();
    await expect(nameError.count()).resolves.toBe(1);
    // The browser refuses a blank level name before anything is sent, at the level's field.
    await chooseOption(page, 'config-type', 'Categorical levels');
    await page.getByTestId('grader-form-name').fill('Another grader');
    await page.getByTestId('save-grader').click();
    await page.getByTestId('level-0').getByTestId('field-error').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('grader-form').waitFor({ state: 'detached' });
    expect((await graders()).some((g) => g.name === 'Another grader')).toBe(false);
  });

  it('creates a scorecard of two graders through the form, lists it and charts its scores', async () => {
    await page.goto(`${server.url}/#/scorecards`);
    await page.getByTestId('new-scorecard').click();
    await page.getByTestId('scorecard-form').waitFor();
    await page.getByTestId('scorecard-form-name').fill('Support quality');
    await chooseOption(page, 'item-0-grader', 'Support accuracy');
    await page.getByTestId('add-item').click();
    await chooseOption(page, 'item-1-grader', 'Safety');
    await chooseOption(page, 'item-1-version', 'Pinned: v1');
    await page.getByTestId('item-1-weight').fill('2');
    await page.getByTestId('scorecard-form-threshold').fill('0.8');
    await page.screenshot({ path: path.join(ARTIFACTS, 'scorecard-form.png') });
    await page.getByTestId('save-scorecard').click();
    await page.getByTestId('scorecard-form').waitFor({ state: 'detached' });

    const item = page.getByTestId('scorecard-item-Support quality');
    await item.waitFor();
    await expect(item.getByTestId('scorecard-summary').textContent()).resolves.toBe(
      '2 graders · pass at 0.8 · v1',
    );
    const { scorecards } = await api<{
      scorecards: { id: string; body: { items: unknown[]; passThreshold: number } }[];
    }>('scorecards.list', {});
    const card = scorecards[0]!;
    const all = await graders();
    const accuracy = all.find((g) => g.name === 'Support accuracy')!;
    const safety = all.find((g) => g.name === 'Safety')!;
    expect(card.body).toEqual({
      items: [
        { graderId: accuracy.id, weight: 1 },
        { graderId: safety.id, graderVersion: 1, weight: 2 },
      ],
      passThreshold: 0.8,
    });

    // People's scores on two interactions: the dashboard counts them, a point opens its targets.
    for (const [id, level] of [
      ['e2e-i1', 'Bullseye'],
      ['e2e-i2', 'Wrong'],
    ] as const) {
      await api('interactions.create', { id, type: 'chat', input: 'q', output: 'a' });
      await api('scores.create', {
        target: { type: 'interaction', id },
        graderId: accuracy.id,
        level,
        source: 'human',
        idempotencyKey: `e2e-${id}`,
      });
    }
    await page.getByTestId('scorecard-tab-items').click();
    await page.getByTestId('scorecard-items').waitFor();
    expect(page.url()).toMatch(/tab=items/);
    // The scores came in through the API, not the page: a reload asks again. Playwright's clock
    // (time still flows) lets the dashboard's periodic read be brought forward below.
    await page.clock.install();
    await page.getByTestId('scorecard-tab-dashboard').click();
    await page.reload();
    const total = page.getByTestId('scorecard-dashboard-total');
    await total.waitFor();
    await expect(total.textContent()).resolves.toMatch(/^2 scores/);
    // A score that arrives while the dashboard is open shows at its next periodic read.
    await api('interactions.create', { id: 'e2e-i3', type: 'chat', input: 'q', output: 'a' });
    await api('scores.create', {
      target: { type: 'interaction', id: 'e2e-i3' },
      graderId: accuracy.id,
      level: 'Bullseye',
      source: 'human',
      idempotencyKey: 'e2e-e2e-i3',
    });
    await expect(total.textContent()).resolves.toMatch(/^2 scores/);
    await page.clock.fastForward(31_000);
    await expect.poll(() => total.textContent()).toMatch(/^3 scores/);
    await page.getByTestId(`chart-histogram-${accuracy.id}`).waitFor();
    await page.screenshot({
      path: path.join(ARTIFACTS, 'scorecard-dashboard.png'),
      fullPage: true,
    });

    const today = new Date().toISOString().slice(0, 10);
    await page.goto(
      `${server.url}/#/scorecards/${card.id}?grader=${accuracy.id}&day=${today}&bucket=Wrong`,
    );
    const rows = page.getByTestId('drilldown-targets').locator('tbody tr');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().locator('a').getAttribute('href')).resolves.toBe(
      '#/interactions/e2e-i2',
    );

    // An edit is version 2; version 1 can be shown again; archived, it is listed on request.
    await page.getByTestId('edit-scorecard').click();
    await page.getByTestId('scorecard-form-threshold').fill('0.75');
    await page.getByTestId('save-scorecard').click();
    await page.getByTestId('scorecard-form').waitFor({ state: 'detached' });
    await expect
      .poll(() => item.getByTestId('scorecard-summary').textContent())
      .toBe('2 graders · pass at 0.75 · v2');
    await page.getByTestId('scorecard-tab-versions').click();
    await page.getByTestId('scorecard-version-item-1').click();
    await expect.poll(() => page.getByTestId('scorecard-version').textContent()).toBe('v1 of 2');
    await page.getByTestId('archive-scorecard').click();
    await item.waitFor({ state: 'detached' });
    await page.getByTestId('scorecards-show-archived').click();
    await expect
      .poll(() => item.getByTestId('scorecard-summary').textContent())
      .toBe('2 graders · pass at 0.75 · v2 · archived');
    expect(pageErrors).toEqual([]);
  });

  it('compares a judge with a second judge on another model from its Calibration tab', async () => {
    // A judge that scored three interactions through online scoring (the fake answers it).
    const judge = await api<Grader>('graders.create', {
      name: 'Reply relevance',
      definition: {
        kind: 'llm_judge',
        prompt: { name: 'assay-judge-relevance' },
        model: { provider: 'openai', model: 'gpt-4o-mini' },
      },
      scoreConfig: { type: 'categorical', levels: BULLSEYE_LEVELS },
    });
    const card = await api<{ id: string }>('scorecards.create', {
      name: 'Relevance card',
      body: { items: [{ graderId: judge.id }], passThreshold: 0.5 },
    });
    await api('scoringRules.create', {
      name: 'Support replies',
      scorecardId: card.id,
      filter: { types: ['support'] },
      sampling: 1,
      dailyBudgetUsd: null,
    });
    for (let i = 1; i <= 3; i++)
      await api('interactions.create', {
        type: 'support',
        input: `Can I return shoes? (${i})`,
        output: `Yes, within 30 days, case ${i}.`,
      });
    for (let i = 0; i < 200; i++) {
      const { scores } = await api<{ scores: { value: number | null }[] }>('scores.list', {
        graderId: judge.id,
      });
      if (scores.filter((s) => s.value !== null).length === 3) break;
      await new Promise((r) => setTimeout(r, 50));
    }

    await page.goto(`${server.url}/#/graders/${judge.id}?tab=calibration`);
    await page.getByTestId('second-judge-panel').waitFor();
    await chooseOption(page, 'second-judge-provider', /^OpenAI/);
    await page.getByTestId('second-judge-model').fill('gpt-4o');
    await page.getByTestId('second-judge-sample').fill('10');
    await page.getByTestId('second-judge-start').click();
    // Once the job ends the copy is the reference: two of three verdicts agree.
    await page.waitForURL(/reference=/);
    await expect(page.getByTestId('second-judge-progress').textContent()).resolves.toMatch(
      /^Done with openai\/gpt-4o: 3 of 3 targets · 3 scored/,
    );
    await expect(page.getByTestId('calibration-n').textContent()).resolves.toBe('3');
    await expect(page.getByTestId('calibration-exact').textContent()).resolves.toBe('66.7%');
    const rows = page.getByTestId('calibration-disagreements').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('One hop short');
    await expect(page.getByTestId('calibration-reference').textContent()).resolves.toBe(
      'Reply relevance · second judge openai/gpt-4o',
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'second-judge.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
