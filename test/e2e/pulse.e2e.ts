import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookReceiver } from '../../main/quality/pulse/test-receiver';
import { SIGNATURE_HEADER, verifySignature } from '../../main/quality/pulse/webhook-signature';
import { apiCall } from '../support/api-call';
import { asAdmin, launchChromium } from '../support/browser';
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
const interactions: string[] = [];

const api = <T>(channel: string, input: unknown): Promise<T> =>
  apiCall<T>(server.url, channel, input);

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `pulse-${name}.png`), fullPage: true });
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dataDir = tempDirKept('assay-e2e-pulse-');
  server = await startServe(dataDir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 400 \(Bad Request\)/.test(msg.text()))
      errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  // Three answers of the last minutes, scored 2, 3 and 9 out of 10 by a person's grader.
  const grader = await api<{ id: string }>('graders.create', {
    name: 'Helpfulness',
    definition: { kind: 'human', instructions: 'Zero to ten.' },
    scoreConfig: { type: 'numeric', min: 0, max: 10 },
  });
  await api('scorecards.create', {
    name: 'Support quality',
    body: { items: [{ graderId: grader.id }], passThreshold: 0.6 },
  });
  for (const [i, value] of [2, 3, 9].entries()) {
    const { id } = await api<{ id: string }>('interactions.create', {
      type: 'chat',
      input: `question ${i}`,
      output: `answer ${i}`,
    });
    interactions.push(id);
    await api('scores.create', {
      target: { type: 'interaction', id },
      graderId: grader.id,
      value,
      idempotencyKey: `e2e-${i}`,
    });
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('pulse in Chromium against assay serve', () => {
  it('sets up a webhook and a rule, fires an alert into the inbox and links it to its interactions', async () => {
    const rx = await webhookReceiver([200]);
    await page.goto(`${server.url}/#/pulse/webhooks`);
    // Webhooks (secrets, outbound calls) are a team admin's (team mode); a local server's user's.
    await asAdmin(page);
    await page.getByTestId('page-pulse').waitFor();
    await page.getByTestId('webhook-name').fill('Ops');
    await page.getByTestId('webhook-url-input').fill(rx.url);
    await page.getByTestId('webhook-submit').click();
    const secret = (await page.getByTestId('webhook-secret-value').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByTestId('webhook-url').textContent()).resolves.toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/…$/,
    );
    await page.getByTestId('webhook-test').click();
    await page.getByTestId('delivery-attempt').waitFor();
    await expect(page.getByTestId('delivery-attempt').textContent()).resolves.toContain(' 200 ');
    await shot('webhooks');

    await page.getByTestId('pulse-tab-rules').click();
    await page.getByTestId('rule-form').waitFor();
    // The contract's schema speaks before anything is sent: a scorecard metric needs a scorecard.
    await page.getByTestId('rule-submit').click();
    await page.getByTestId('field-error').first().waitFor();
    await page.getByTestId('rule-name').fill('Support answers');
    await chooseOption(page, 'rule-scorecard', 'Support quality');
    await page.getByTestId('rule-amount').fill('0.6');
    await page.getByTestId('rule-min-samples').fill('2');
    await page.getByTestId('rule-webhook-Ops').click();
    await page.getByTestId('rule-submit').click();
    await page.getByTestId('rule-row').waitFor();
    await page.getByTestId('rule-check').click();
    // The alert shows as a toast, in the sidebar badge, and in the rule's state.
    await page.getByText('Alert: Support answers').waitFor();
    await expect(page.getByTestId('pulse-unread-badge').textContent()).resolves.toBe('1');
    await page.getByTestId('rule-firing').waitFor();
    await page.getByTestId('rule-last-value').filter({ hasText: '0.467' }).waitFor();
    await shot('rules');

    await page.getByTestId('pulse-tab-inbox').click();
    await page.getByTestId('pulse-alert-row').click();
    const detail = page.getByTestId('alert-detail');
    await detail.waitFor();
    // Mean of (0.2, 0.3, 0.9) = 0.467, below 0.6; the worst answers are linked first.
    await expect(page.getByTestId('alert-value').textContent()).resolves.toBe('0.467');
    const links = await page.getByTestId('alert-interaction-link').allTextContents();
    expect(links).toEqual(interactions);
    await detail.getByTestId('delivery-state').filter({ hasText: 'delivered' }).waitFor();
    // Opened, it is read: the badge goes.
    await page.getByTestId('pulse-unread-badge').waitFor({ state: 'detached' });
    await shot('inbox');

    // The receiver got the alert signed with the secret the page showed once.
    const alertBody = rx.received.find((r) => !r.body.includes('"ruleId":null'))!;
    expect(
      verifySignature(
        secret,
        alertBody.body,
        String(alertBody.headers[SIGNATURE_HEADER]),
        Math.floor(Date.now() / 1000),
      ),
    ).toBe(true);

    await page.getByTestId('alert-interaction-link').first().click();
    await page.getByTestId('page-interactions').waitFor();
    expect(page.url()).toContain(`#/interactions/${interactions[0]}`);
    expect(errors).toEqual([]);
  });
});
