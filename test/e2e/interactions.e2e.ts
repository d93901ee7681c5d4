import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatUsd } from '../../shared/money';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { apiCall } from '../support/api-call';
import { launchChromium } from '../support/browser';
import { chooseOption } from '../support/radix-select';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');

interface CallResult {
  readonly costPicoUsd: number | null;
  readonly costUsd: number | null;
  readonly spanId: string;
  readonly traceId: string;
}
interface Interaction {
  readonly id: string;
  readonly feedback: readonly {
    label: string | null;
    score: number | null;
    comment: string | null;
  }[];
}

let browser: Browser;
let server: ServeProcess;
let openai: FakeServer;
let dataDir: string;
let page: Page;
const calls: CallResult[] = [];
const ids: Record<'alpha' | 'beta' | 'spam', string> = { alpha: '', beta: '', spam: '' };

const api = <T>(channel: string, input: unknown): Promise<T> =>
  apiCall<T>(server.url, channel, input);

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function call(question: string): Promise<CallResult> {
  const result = await api<CallResult>('llm.call', {
    provider: 'openai',
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: question }],
  });
  calls.push(result);
  return result;
}

/** The ids of the interaction rows shown, top to bottom. */
async function rowIds(): Promise<string[]> {
  const testIds = await page
    .locator('[data-testid^="interaction-row-"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid') ?? ''));
  return testIds.map((t) => t.replace('interaction-row-', ''));
}

async function waitForRows(expected: string[]): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (JSON.stringify(await rowIds()) === JSON.stringify(expected)) return;
    await page.waitForTimeout(100);
  }
  expect(await rowIds()).toEqual(expected);
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  openai = await startOpenAiFake();
  dataDir = tempDirKept('assay-e2e-interactions-');
  server = await startServe(dataDir, [], {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-e2e-interactions-0000000000',
  });
  // Two turns of one conversation and a classification, each with the call it made.
  const alpha = await call('What is alpha?');
  const beta = await call('And beta?');
  const spam = await call('Is this spam?');
  const base = { type: 'chat', sessionId: 'sess-e2e', userId: 'ann' };
  ids.alpha = (
    await api<Interaction>('interactions.create', {
      ...base,
      input: { messages: [{ role: 'user', content: 'What is alpha?' }] },
      output: 'Alpha is the first letter.',
      traceId: alpha.traceId,
      spanIds: [alpha.spanId],
      createdAt: ago(3),
    })
  ).id;
  ids.beta = (
    await api<Interaction>('interactions.create', {
      ...base,
      input: { messages: [{ role: 'user', content: 'And beta?' }] },
      output: 'Beta is the second.',
      traceId: beta.traceId,
      spanIds: [beta.spanId],
      createdAt: ago(2),
    })
  ).id;
  ids.spam = (
    await api<Interaction>('interactions.create', {
      type: 'classification',
      input: 'Is this spam?',
      output: { label: 'spam' },
      tags: ['triage'],
      traceId: spam.traceId,
      createdAt: ago(1),
    })
  ).id;
  await api('interactions.feedback', {
    interactionId: ids.alpha,
    label: 'thumbs_up',
    userId: 'ann',
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('interactions, sessions and the cost dashboard in Chromium', () => {
  it('lists interactions newest first and filters them by type through the address', async () => {
    await page.goto(`${server.url}/#/interactions`);
    await page.getByTestId('page-interactions').waitFor();
    await waitForRows([ids.spam, ids.beta, ids.alpha]);
    const alphaRow = page.getByTestId(`interaction-row-${ids.alpha}`);
    await expect(alphaRow.textContent()).resolves.toContain('What is alpha?');
    await alphaRow.getByTestId('feedback-thumbs-up-chip').waitFor();

    await page.getByTestId('interactions-filter-type').fill('classification');
    await page.getByTestId('interactions-filter-apply').click();
    await page.waitForURL(/#\/interactions\?type=classification$/);
    await waitForRows([ids.spam]);
    // The address alone gives the same list (a filtered list is a link).
    await page.goto(`${server.url}/#/interactions?type=chat`);
    await waitForRows([ids.beta, ids.alpha]);
    await expect(page.getByTestId('interactions-filter-type').inputValue()).resolves.toBe('chat');
  });

  it('opens an interaction, refuses empty feedback, and adds feedback through the form', async () => {
    await page.getByTestId(`interaction-row-${ids.alpha}`).click();
    await page.waitForURL(new RegExp(`#/interactions/${ids.alpha}\\?type=chat$`));
    const detail = page.getByTestId('interaction-detail');
    await detail.getByTestId('detail-input').getByText('What is alpha?').waitFor();
    await expect(detail.getByTestId('detail-output').textContent()).resolves.toBe(
      'Alpha is the first letter.',
    );
    await expect(detail.getByTestId('detail-trace-link').getAttribute('href')).resolves.toBe(
      `#/traces/${calls[0]!.traceId}`,
    );
    await detail.getByTestId('detail-span').first().waitFor();
    await detail.getByTestId('detail-feedback').getByTestId('feedback-thumbs-up-chip').waitFor();

    // The contract's own schema refuses feedback with nothing in it, before anything is sent.
    await detail.getByTestId('feedback-submit').click();
    await expect(detail.getByTestId('form-error').textContent()).resolves.toBe(
      'give a score, a label or a comment',
    );

    await detail.getByTestId('feedback-thumbs-down').click();
    await detail.getByTestId('feedback-score').fill('0.25');
    await detail.getByTestId('feedback-comment').fill('too short');
    await detail.getByTestId('feedback-submit').click();
    await detail.getByTestId('detail-feedback').getByText('too short').waitFor();
    await detail.getByTestId('detail-feedback').getByTestId('feedback-thumbs-down-chip').waitFor();
    await page
      .getByTestId(`interaction-row-${ids.alpha}`)
      .getByTestId('feedback-thumbs-down-chip')
      .waitFor();
    const stored = await api<Interaction>('interactions.get', { id: ids.alpha });
    expect(stored.feedback.map((f) => [f.label, f.score, f.comment])).toEqual([
      ['thumbs_up', null, null],
      ['thumbs_down', 0.25, 'too short'],
    ]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'interactions-detail.png') });
  });

  it('opens a session as one thread in time order, with cost and feedback inline', async () => {
    await page.getByTestId('interactions-tab-sessions').click();
    await page.waitForURL(/#\/interactions\/sessions$/);
    const row = page.getByTestId('session-row-sess-e2e');
    await row.waitFor();
    const sessionCost = (calls[0]!.costPicoUsd ?? 0) + (calls[1]!.costPicoUsd ?? 0);
    await expect(row.getByTestId('session-cost').textContent()).resolves.toBe(
      formatUsd(sessionCost),
    );
    await row.getByRole('link', { name: 'sess-e2e' }).click();
    await page.waitForURL(/#\/interactions\/sessions\/sess-e2e$/);
    const thread = page.getByTestId('session-thread');
    await thread.waitFor();
    const first = thread.getByTestId('thread-turn-0');
    const second = thread.getByTestId('thread-turn-1');
    await expect(first.getByTestId('thread-user').textContent()).resolves.toContain(
      'What is alpha?',
    );
    await expect(first.getByTestId('thread-answer').textContent()).resolves.toContain(
      'Alpha is the first letter.',
    );
    await expect(second.getByTestId('thread-user').textContent()).resolves.toContain('And beta?');
    await expect(thread.getByTestId('thread-turn-2').count()).resolves.toBe(0);
    await expect(first.getByTestId('turn-cost').textContent()).resolves.toBe(
      formatUsd(calls[0]!.costPicoUsd),
    );
    await expect(first.getByTestId('turn-trace-link').getAttribute('href')).resolves.toBe(
      `#/traces/${calls[0]!.traceId}`,
    );
    await first.getByTestId('feedback-thumbs-down-chip').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'interactions-session.png') });
  });

  it('charts the seeded calls on the cost dashboard with their exact total cost', async () => {
    const total = calls.reduce((sum, c) => sum + (c.costPicoUsd ?? 0), 0);
    expect(calls.every((c) => c.costPicoUsd !== null && c.costPicoUsd > 0)).toBe(true);
    await page.goto(`${server.url}/#/traces/dashboard?groupBy=model`);
    await page.getByTestId('page-cost-dashboard').waitFor();
    await expect(page.getByTestId('totals-cost').textContent()).resolves.toBe(formatUsd(total));
    await expect(page.getByTestId('totals-calls').textContent()).resolves.toBe('3');
    for (const chart of [
      'chart-cost',
      'chart-tokens',
      'chart-calls',
      'chart-error-rate',
      'chart-p95',
    ])
      await page.getByTestId(chart).locator('svg.recharts-surface').first().waitFor();
    await page.getByTestId('chart-cost').locator('.recharts-bar-rectangle').first().waitFor();
    const group = page.locator('[data-testid="dashboard-group-row"][data-group="gpt-4o-mini"]');
    await expect(group.getByTestId('figure-calls').textContent()).resolves.toBe('3');
    await expect(group.getByTestId('figure-cost').textContent()).resolves.toBe(formatUsd(total));
    await page.screenshot({ path: path.join(ARTIFACTS, 'cost-dashboard.png'), fullPage: true });

    // Range and grouping live in the address.
    await page.getByTestId('dashboard-preset-7').click();
    await page.waitForURL(
      /#\/traces\/dashboard\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&groupBy=model$/,
    );
    await chooseOption(page, 'dashboard-group-by', 'Provider');
    await page.waitForURL(/groupBy=provider$/);
    await page.locator('[data-testid="dashboard-group-row"][data-group="openai"]').waitFor();

    // A backwards range is refused with the field named, over HTTP as in the page.
    await expect(api('traces.stats', { from: '2026-02-02', to: '2026-02-01' })).rejects.toThrow(
      'traces.stats: "from" is after "to"',
    );
    await page.goto(`${server.url}/#/traces/dashboard?from=2026-02-02&to=2026-02-01`);
    await expect(page.getByTestId('dashboard-error').textContent()).resolves.toContain(
      '"from" is after "to"',
    );

    // A range with no calls explains how to capture traffic.
    await page.goto(`${server.url}/#/traces/dashboard?from=2020-01-01&to=2020-01-31`);
    await page.getByTestId('dashboard-empty').waitFor();
  });
});
