import fs from 'node:fs';
import path from 'node:path';
import OpenAI from 'openai';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { apiCall } from '../support/api-call';
import { launchChromium } from '../support/browser';
import { chooseOption } from '../support/radix-select';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';
import { gatewayHeadersFor } from '../support/team-mode';

/*
 * The Ship loop as a user meets it: an app's own OpenAI SDK calls go through the gateway (one
 * of them streamed), the Traces page finds them by model, a captured call is rerun with another
 * model and stolen as an eval case.
 */

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');
const APP_KEY = 'sk-app-own-key-5c1e0000000000000000';

let browser: Browser;
let server: ServeProcess;
let openai: FakeServer;
let dataDir: string;
let page: Page;

interface TracePage {
  readonly items: {
    id: string;
    model: string | null;
    userId: string | null;
    costUsd: number | null;
  }[];
}
interface TraceDetail {
  readonly spans: { id: string; model: string; source: string; usage: { inputTokens: number } }[];
}

const api = <T>(channel: string, input: unknown): Promise<T> =>
  apiCall<T>(server.url, channel, input);

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  openai = await startOpenAiFake();
  dataDir = tempDirKept('assay-e2e-ship-');
  server = await startServe(dataDir, [], {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-e2e-stored-key-00000000000000',
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

describe('ship: capture through the gateway, find, rerun and steal', () => {
  let captured: { traceId: string; spanId: string };

  it('captures an app’s calls through the gateway with tokens, cost, user and session', async () => {
    const app = new OpenAI({
      apiKey: APP_KEY,
      baseURL: `${server.url}/gateway/openai/v1`,
      defaultHeaders: {
        'x-assay-user': 'ann',
        'x-assay-session': 'support-42',
        ...gatewayHeadersFor(server.url),
      },
    });
    const plain = await app.chat.completions
      .create({
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: 'Answer support mail.' },
          { role: 'user', content: 'My parcel zanzibar-42 is late' },
        ],
      })
      .withResponse();
    expect(plain.data.choices[0]!.message.content).toContain('zanzibar-42');
    captured = {
      traceId: plain.response.headers.get('x-assay-trace-id')!,
      spanId: plain.response.headers.get('x-assay-span-id')!,
    };
    expect(captured.traceId).toMatch(/^[0-9a-f]{32}$/);

    const stream = await app.chat.completions.create({
      model: 'gpt-4o',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'What is the weather in Paris' }],
    });
    let streamed = '';
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? '';
    expect(streamed).toContain('Paris');

    // The gateway stores spans a few milliseconds after answering.
    await expect
      .poll(async () => (await api<TracePage>('traces.list', {})).items.length, { timeout: 10_000 })
      .toBe(2);
    const { items } = await api<TracePage>('traces.list', {});
    for (const trace of items) {
      expect(trace.userId).toBe('ann');
      expect(trace.costUsd).toBeGreaterThan(0);
    }
    const detail = await api<TraceDetail>('traces.get', { id: captured.traceId });
    expect(detail.spans).toEqual([
      expect.objectContaining({ id: captured.spanId, model: 'gpt-4o-mini', source: 'gateway' }),
    ]);
    expect(detail.spans[0]!.usage.inputTokens).toBeGreaterThan(0);
    const stored = fs
      .readdirSync(dataDir)
      .filter((f) => f.startsWith('assay.db'))
      .map((f) => fs.readFileSync(path.join(dataDir, f)).toString('latin1'))
      .join('');
    expect(stored).not.toContain(APP_KEY);
  });

  it('finds the call by model on the Traces page, reruns it with another model and steals it', async () => {
    await page.goto(`${server.url}/#/traces`);
    await page.locator('[data-testid^="trace-row-"][data-index]').nth(1).waitFor();
    await chooseOption(page, 'traces-model', /^gpt-4o-mini$/);
    await expect.poll(() => page.url()).toContain('model=gpt-4o-mini');
    await expect
      .poll(() => page.locator('[data-testid^="trace-row-"][data-index]').count())
      .toBe(1);
    await page.getByTestId(`trace-row-${captured.traceId}`).click();
    await page.getByTestId('trace-detail').waitFor();
    await page.getByTestId(`span-row-${captured.spanId}`).click();
    await page.getByTestId('span-actions').waitFor();

    await page.getByTestId('span-actions').getByTestId('span-rerun').click();
    const dialog = page.getByTestId('rerun-dialog');
    await dialog.waitFor();
    await chooseOption(page, 'rerun-provider', 'OpenAI');
    await page.getByTestId('rerun-model').fill('gpt-4o');
    await page.getByTestId('rerun-submit').click();
    const comparison = dialog.getByTestId('rerun-comparison');
    await comparison.waitFor();
    expect(
      Number(await comparison.getByTestId('rerun-delta-cost').getAttribute('data-value')),
    ).toBeGreaterThan(0);
    const reruns = await api<{ reruns: { rerun: { model: string; rerunOf: string } }[] }>(
      'spans.reruns',
      { spanId: captured.spanId },
    );
    expect(reruns.reruns.map((r) => r.rerun)).toEqual([
      expect.objectContaining({ model: 'gpt-4o', rerunOf: captured.spanId }),
    ]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'ship-rerun.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('span-actions').getByTestId('span-steal').click();
    const sheet = page.getByTestId('steal-sheet');
    await sheet.waitFor();
    await chooseOption(page, 'save-case-dataset', 'New dataset…');
    await page.getByTestId('save-case-new-name').fill('from-production');
    await sheet.getByTestId('steal-save').click();
    await sheet.waitFor({ state: 'detached' });
    const cases = await api<{
      cases: { vars: Record<string, string>; sourceSpanId?: string | null }[];
    }>('cases.list', { dataset: 'from-production' });
    expect(cases.cases).toEqual([
      expect.objectContaining({
        vars: { input: 'My parcel zanzibar-42 is late', system: 'Answer support mail.' },
      }),
    ]);
  });
});
