import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatUsd } from '../../shared/money';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { apiCall } from '../support/api-call';
import { launchChromium } from '../support/browser';
import { chooseOptionByTyping } from '../support/radix-select';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';

/**
 * The cost dashboard's "What would it have cost" card in Chromium against `assay serve`: two
 * calls through the fake OpenAI, priced at another model, then recomputed after a price change.
 */
interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

let browser: Browser;
let server: ServeProcess;
let openai: FakeServer;
let dataDir: string;
let page: Page;
const usages: Usage[] = [];
const costs: number[] = [];

const api = <T>(channel: string, input: unknown): Promise<T> =>
  apiCall<T>(server.url, channel, input);

beforeAll(async () => {
  openai = await startOpenAiFake();
  dataDir = tempDirKept('assay-e2e-what-if-');
  server = await startServe(dataDir, [], {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-e2e-what-if-00000000000000',
  });
  for (const question of ['What is alpha?', 'And beta?']) {
    const result = await api<{ spanId: string; costPicoUsd: number }>('llm.call', {
      provider: 'openai',
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: question }],
    });
    const span = await api<{ usage: Usage }>('spans.get', { id: result.spanId });
    usages.push(span.usage);
    costs.push(result.costPicoUsd);
  }
  // Every token at $1 per 1M on the target: its cost is the token count in micro-dollars.
  await api('prices.set', {
    provider: 'anthropic',
    model: 'e2e-target',
    input: '1.00',
    output: '1.00',
    cacheRead: '1.00',
    cacheWrite: '1.00',
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const tokens = (u: Usage) =>
  u.inputTokens + u.outputTokens + u.cacheReadTokens + u.cacheWriteTokens;

describe('what would it have cost', () => {
  it('prices the calls at another model, then recomputes them after a price change', async () => {
    await page.goto(`${server.url}/#/traces/dashboard`);
    await page.getByTestId('what-if-card').waitFor();
    await chooseOptionByTyping(page, 'what-if-model', 'anthropic:e2e-target');
    const total = page.getByTestId('what-if-total');
    await total.waitFor();
    const actual = costs.reduce((a, b) => a + b, 0);
    const whatIf = usages.reduce((a, u) => a + tokens(u), 0) * 1_000_000;
    await expect(page.getByTestId('what-if-total-actual').textContent()).resolves.toBe(
      formatUsd(actual),
    );
    await expect(page.getByTestId('what-if-total-what-if').textContent()).resolves.toBe(
      formatUsd(whatIf),
    );

    // gpt-4o-mini at $10 per 1M input and output tokens from now on; recompute the past.
    await api('prices.set', {
      provider: 'openai',
      model: 'gpt-4o-mini',
      input: '10.00',
      output: '10.00',
    });
    await page.getByTestId('recompute-costs').click();
    await page.getByRole('button', { name: 'Recompute costs' }).last().click();
    await page.getByTestId('recompute-record').first().waitFor();
    await expect(page.getByTestId('recompute-record').first().textContent()).resolves.toContain(
      '2 of 2 calls changed',
    );
    // Cache reads and writes have no price of their own: billed at the input rate.
    const repriced = usages.reduce((a, u) => a + tokens(u), 0) * 10_000_000;
    await expect
      .poll(() => page.getByTestId('what-if-total-actual').textContent())
      .toBe(formatUsd(repriced));
  });
});
