import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULLSEYE_LEVELS } from '../../shared/contract/quality';
import { apiCall } from '../support/api-call';
import { launchChromium } from '../support/browser';
import { chooseOption } from '../support/radix-select';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');

interface Score {
  readonly value: number | null;
  readonly level: string | null;
  readonly reason: string | null;
  readonly source: string;
  readonly author: string | null;
}

let browser: Browser;
let server: ServeProcess;
let dataDir: string;
let page: Page;
let queueId: string;
let verdictId: string;
const ids: string[] = [];
const pageErrors: string[] = [];

const api = <T>(channel: string, input: unknown): Promise<T> =>
  apiCall<T>(server.url, channel, input);

/** The item the address names (the review screen keeps it there). */
const itemInUrl = () => new URL(page.url().replace('#', '')).searchParams.get('item');

async function waitForItemOf(interaction: string): Promise<string> {
  await page
    .getByTestId('review-input')
    .getByText(`question ${ids.indexOf(interaction)}`)
    .waitFor();
  const item = itemInUrl();
  expect(item).not.toBeNull();
  const detail = await api<{ item: { targetId: string } }>('review.item', { id: item });
  expect(detail.item.targetId).toBe(interaction);
  return item!;
}

/** The `data-testid` of the element that has the keyboard focus. */
function focusedTestId(): Promise<string | null> {
  return page.evaluate(() => {
    type El = { getAttribute(name: string): string | null };
    const doc = (globalThis as unknown as { document: { activeElement: El | null } }).document;
    return doc.activeElement?.getAttribute('data-testid') ?? null;
  });
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dataDir = tempDirKept('assay-e2e-review-');
  server = await startServe(dataDir);
  // Five answers; the first is long enough to scroll inside its pane.
  for (let i = 0; i < 5; i++) {
    const output = i === 0 ? `${'A very long answer line.\n'.repeat(400)}The end.` : `answer ${i}`;
    ids.push(
      (
        await api<{ id: string }>('interactions.create', {
          type: 'support',
          input: `question ${i}`,
          output,
        })
      ).id,
    );
  }
  // What a judge said of them (sent as scores with the built-in Accuracy grader).
  const graders = await api<{ graders: { id: string; name: string }[] }>('graders.list', {});
  const accuracy = graders.graders.find((g) => g.name === 'Accuracy')!;
  for (const [i, value] of [0, 35, 65, 100, 35].entries())
    await api('scores.create', {
      target: { type: 'interaction', id: ids[i] },
      graderId: accuracy.id,
      value,
      idempotencyKey: `judge-${i}`,
    });
  verdictId = (
    await api<{ id: string }>('graders.create', {
      name: 'Support verdict',
      rubric: 'Would a senior agent send this answer?',
      definition: { kind: 'human', instructions: 'Judge the answer as sent.' },
      scoreConfig: { type: 'categorical', levels: BULLSEYE_LEVELS },
    })
  ).id;
  queueId = (
    await api<{ id: string }>('reviewQueues.create', {
      name: 'Low accuracy',
      graderId: verdictId,
      instructions: 'Read the whole answer.',
    })
  ).id;
  const filled = await api<{ added: number }>('reviewQueues.fill', {
    queueId,
    source: { kind: 'rule', rule: { graderId: accuracy.id, op: 'lte', value: 35 } },
  });
  expect(filled.added).toBe(3);
  await api('settings.updatePreferences', { reviewerName: 'ann' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (err) => pageErrors.push(err.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('human review in Chromium', () => {
  it('lists the queue filled by the rule with its counts', async () => {
    await page.goto(`${server.url}/#/review`);
    const row = page.getByTestId(`queue-row-${queueId}`);
    await row.waitFor();
    await expect(row.getByTestId('queue-pending').textContent()).resolves.toBe('3');
    // The rule names its grader once the grader list has loaded beside the queues.
    await row.getByText('Accuracy ≤ 35').waitFor();
    await expect(page.getByTestId('reviewer-name-value').textContent()).resolves.toBe('ann');
    await page.screenshot({ path: path.join(ARTIFACTS, 'review-queues.png') });
    await row.click();
    await page.getByTestId('review-screen').waitFor();
  });

  it('reviews the queue by keyboard only: level key, C to comment, Enter to complete, J/K to move', async () => {
    // Lowest judge score first: ids[0] (0), then ids[1] and ids[4] (35) in id order.
    const first = await waitForItemOf(ids[0]!);
    await expect(page.getByTestId('review-keys').textContent()).resolves.toContain('1–4');
    // The long answer scrolls inside its pane.
    const scrolls = await page.getByTestId('review-output').evaluate((el) => {
      const pane = el.closest('.overflow-auto')!;
      return pane.scrollHeight > pane.clientHeight;
    });
    expect(scrolls).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'review-long-output.png') });

    await page.keyboard.press('1');
    await expect(page.getByTestId('review-choice-1').getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await page.keyboard.press('c');
    await expect(focusedTestId()).resolves.toBe('review-comment');
    await page.keyboard.type('Exactly right, cites the policy.');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.href.includes(first));
    await waitForItemOf(ids[1]!);

    // Enter with no score chosen is refused on screen, by the contract's own rule.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('review-error').textContent()).resolves.toBe(
      'give a value or a level (one of them)',
    );
    await page.keyboard.press('4');
    await page.keyboard.press('Enter');
    const third = await waitForItemOf(ids[4]!);

    // K goes back to the item just reviewed (shown as reviewed), J forward again.
    await page.keyboard.press('k');
    await waitForItemOf(ids[1]!);
    await expect(page.getByTestId('review-state').textContent()).resolves.toBe('reviewed');
    await expect(page.getByTestId('review-choice-4').getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await page.keyboard.press('j');
    expect(await waitForItemOf(ids[4]!)).toBe(third);

    await page.keyboard.press('3');
    await page.keyboard.press('C');
    await page.keyboard.type('Relevant,');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('misses the refund date.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'review-screen.png') });
    await page.keyboard.press('Enter');
    await page.getByTestId('review-done').waitFor();
    await expect(page.getByTestId('review-progress').textContent()).resolves.toContain('3 done');

    const scores = async (i: number) =>
      (
        await api<{ scores: Score[] }>('scores.list', {
          target: { type: 'interaction', id: ids[i] },
          graderId: verdictId,
        })
      ).scores.map((s) => [s.source, s.author, s.level, s.value, s.reason]);
    expect(await scores(0)).toEqual([
      ['human', 'ann', 'Bullseye', 100, 'Exactly right, cites the policy.'],
    ]);
    expect(await scores(1)).toEqual([['human', 'ann', 'Wrong', 0, null]]);
    expect(await scores(4)).toEqual([
      ['human', 'ann', 'Right area', 35, 'Relevant,\nmisses the refund date.'],
    ]);
    // Not in the queue: the rule left them out, and nobody scored them.
    expect(await scores(2)).toEqual([]);
    expect(await scores(3)).toEqual([]);
    const queue = await api<{ counts: Record<string, number>; reviewers: unknown[] }>(
      'reviewQueues.get',
      { id: queueId },
    );
    expect(queue.counts).toMatchObject({ total: 3, completed: 3, pending: 0 });
    expect(queue.reviewers).toEqual([{ reviewer: 'ann', pending: 0, completed: 3, skipped: 0 }]);

    // From "nothing left", K returns to the last item.
    await page.keyboard.press('k');
    await waitForItemOf(ids[4]!);
    expect(pageErrors).toEqual([]);
  });

  it('creates queues filled by a filter and by a score rule from the New queue dialog, refusing a taken name', async () => {
    await page.goto(`${server.url}/#/review`);
    await page.getByTestId('new-queue').click();
    const dialog = page.getByTestId('new-queue-dialog');
    await dialog.getByTestId('new-queue-name').fill('Low accuracy');
    await chooseOption(page, 'new-queue-grader', /Support verdict/);
    await dialog.getByTestId('new-queue-fill-filter').click();
    await dialog.getByTestId('filter-type').fill('support');
    await dialog.getByTestId('create-queue').click();
    await expect(dialog.getByTestId('field-error').textContent()).resolves.toContain(
      'a review queue named "Low accuracy" exists',
    );
    await dialog.getByTestId('new-queue-name').fill('All support');
    await dialog.getByTestId('create-queue').click();
    // The new queue opens on its first item: the newest interaction.
    await page.getByTestId('review-screen').waitFor();
    await waitForItemOf(ids[4]!);
    const { queues } = await api<{
      queues: { name: string; filledBy: string; counts: { total: number } }[];
    }>('reviewQueues.list', {});
    expect(queues.find((q) => q.name === 'All support')).toMatchObject({
      filledBy: 'filter',
      counts: { total: 5 },
    });

    // And one by a score rule: the judge's Accuracy at or below 0.
    await page.goto(`${server.url}/#/review`);
    await page.getByTestId('new-queue').click();
    await dialog.getByTestId('new-queue-name').fill('Accuracy zero');
    await chooseOption(page, 'new-queue-grader', /Support verdict/);
    await dialog.getByTestId('new-queue-fill-rule').click();
    await chooseOption(page, 'rule-grader', /^Accuracy/);
    await dialog.getByTestId('rule-value').fill('0');
    await dialog.getByTestId('create-queue').click();
    await page.getByTestId('review-screen').waitFor();
    await waitForItemOf(ids[0]!);
    const after = await api<{
      queues: { name: string; rule: unknown; counts: { total: number } }[];
    }>('reviewQueues.list', {});
    expect(after.queues.find((q) => q.name === 'Accuracy zero')).toMatchObject({
      rule: { kind: 'rule', rule: { op: 'lte', value: 0 } },
      counts: { total: 1 },
    });
    expect(pageErrors).toEqual([]);
  });

  it('assigns reviewers, refills by its rule and archives a queue from its row', async () => {
    interface Queue {
      archived: boolean;
      counts: { total: number; unassigned: number };
      reviewers: { reviewer: string; pending: number }[];
    }
    const get = () => api<Queue>('reviewQueues.get', { id: queueId });
    // A low judge score since the queue was filled: refilling by its rule adds it, and only it.
    const { graders } = await api<{ graders: { id: string; name: string }[] }>('graders.list', {});
    const late = await api<{ id: string }>('interactions.create', {
      type: 'support',
      input: 'question late',
      output: 'answer late',
    });
    await api('scores.create', {
      target: { type: 'interaction', id: late.id },
      graderId: graders.find((g) => g.name === 'Accuracy')!.id,
      value: 0,
      idempotencyKey: 'judge-late',
    });
    const before = await get();
    await page.goto(`${server.url}/#/review`);
    const row = page.getByTestId(`queue-row-${queueId}`);
    const menu = row.getByTestId(`queue-actions-${queueId}`);
    await menu.click();
    await expect(page.getByTestId('queue-refill').textContent()).resolves.toBe(
      'Refill: Accuracy ≤ 35',
    );
    await page.getByTestId('queue-refill').click();
    await page.getByText('1 added of 4 matching (3 already queued)').waitFor();
    // The menu's clicks stay in the menu: the queue did not open.
    expect(page.url()).toMatch(/#\/review$/);
    expect((await get()).counts.total).toBe(before.counts.total + 1);

    await menu.click();
    await page.getByTestId('queue-assign').click();
    const dialog = page.getByTestId('assign-dialog');
    await dialog.getByTestId('assign-reviewers').fill('bob, bob');
    await dialog.getByTestId('assign-submit').click();
    await expect(dialog.getByTestId('field-error').textContent()).resolves.toBe(
      'name each reviewer once',
    );
    await dialog.getByTestId('assign-reviewers').fill('bob, cara');
    await dialog.getByTestId('assign-submit').click();
    await dialog.waitFor({ state: 'detached' });
    // The one open item (the late one) goes to the first reviewer in turn.
    await page.getByText('Assigned 1 item in Low accuracy').waitFor();
    const assigned = await get();
    expect(assigned.counts.unassigned).toBe(0);
    expect(assigned.reviewers.find((r) => r.reviewer === 'bob')).toMatchObject({ pending: 1 });
    await row.getByTestId('queue-reviewers').filter({ hasText: 'bob' }).waitFor();

    await menu.click();
    await page.getByTestId('queue-archive').click();
    await row.waitFor({ state: 'detached' });
    expect((await get()).archived).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
