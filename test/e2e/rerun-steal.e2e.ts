import fs from 'node:fs';
import path from 'node:path';
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

/*
 * Needs the Traces page (h/traces-ui): it opens `#/traces/<traceId>`, selects the span by its
 * row (`span-row-<spanId>`) and uses the actions this branch renders in the span's detail
 * panel (`span-actions`, SpanActions) and the trace's header (`trace-actions`, TraceActions).
 */

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');
let browser: Browser;
let server: ServeProcess;
let openai: FakeServer;
let dataDir: string;
let page: Page;
let traceId: string;
let spanId: string;

const api = <T>(channel: string, input: unknown): Promise<T> =>
  apiCall<T>(server.url, channel, input);

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  openai = await startOpenAiFake();
  dataDir = tempDirKept('assay-e2e-rerun-');
  server = await startServe(dataDir, [], {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: 'sk-e2e-openai-000000000000',
  });
  const call = await api<{ spanId: string; traceId: string }>('llm.call', {
    provider: 'openai',
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Answer support mail.' },
      { role: 'user', content: 'I am ann@example.com and want a refund' },
    ],
  });
  ({ spanId, traceId } = call);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function openSpan(): Promise<void> {
  await page.goto(`${server.url}/#/traces/${traceId}`);
  await page.getByTestId(`span-row-${spanId}`).click();
  await page.getByTestId('span-actions').waitFor();
}

describe('rerun and steal as eval in Chromium', () => {
  it('reruns a span with another model and shows it next to the original', async () => {
    await openSpan();
    await page.getByTestId('span-actions').getByTestId('span-rerun').click();
    const dialog = page.getByTestId('rerun-dialog');
    await dialog.waitFor();
    await chooseOption(page, 'rerun-provider', 'OpenAI');
    await page.getByTestId('rerun-model').fill('gpt-4o');
    await page.getByTestId('rerun-temperature').fill('0.2');
    await page.getByTestId('rerun-submit').click();
    const comparison = dialog.getByTestId('rerun-comparison');
    await comparison.waitFor();
    await expect(comparison.textContent()).resolves.toContain('openai:gpt-4o ');
    // gpt-4o costs more than gpt-4o-mini for the same tokens: a positive, red cost delta.
    const cost = comparison.getByTestId('rerun-delta-cost');
    expect(Number(await cost.getAttribute('data-value'))).toBeGreaterThan(0);
    await expect(cost.textContent()).resolves.toMatch(/\+\$/);
    const stored = await api<{ reruns: { rerun: { model: string; rerunOf: string } }[] }>(
      'spans.reruns',
      { spanId },
    );
    expect(stored.reruns.map((r) => r.rerun)).toEqual([
      expect.objectContaining({ model: 'gpt-4o', rerunOf: spanId }),
    ]);
    await dialog.getByTestId('rerun-history-item').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'rerun-comparison.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('steals the span as an eval case with the email masked', async () => {
    await openSpan();
    await page.getByTestId('span-actions').getByTestId('span-steal').click();
    const sheet = page.getByTestId('steal-sheet');
    await sheet.waitFor();
    await chooseOption(page, 'save-case-dataset', 'New dataset…');
    await page.getByTestId('save-case-new-name').fill('e2e-stolen');
    await sheet.getByTestId('redaction-findings').waitFor();
    await expect(sheet.getByTestId('redaction-findings').textContent()).resolves.toContain('email');
    await expect(sheet.getByTestId('redaction-masked').textContent()).resolves.toContain('[EMAIL]');
    // Nothing is stored before the save.
    const none = await api<{ datasets: { name: string }[] }>('datasets.list', {});
    expect(none.datasets.map((d) => d.name)).not.toContain('e2e-stolen');
    await page.screenshot({ path: path.join(ARTIFACTS, 'steal-redaction.png') });
    await sheet.getByTestId('steal-save').click();
    await sheet.waitFor({ state: 'detached' });
    await page.getByText(/Added as case #\d+ of e2e-stolen/).waitFor();
    const cases = await api<{ cases: { vars: Record<string, string>; expected?: unknown }[] }>(
      'cases.list',
      { dataset: 'e2e-stolen' },
    );
    expect(cases.cases).toEqual([
      expect.objectContaining({
        vars: { input: 'I am [EMAIL] and want a refund', system: 'Answer support mail.' },
        expected: 'Echo: I am [EMAIL] and want a refund',
      }),
    ]);
  });

  it('reruns every LLM span of the trace from its header', async () => {
    await openSpan();
    await page.getByTestId('trace-actions').getByTestId('trace-rerun').click();
    const dialog = page.getByTestId('trace-rerun-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('trace-rerun-start').click();
    await dialog.getByTestId('rerun-comparison').waitFor();
    const stored = await api<{ reruns: unknown[] }>('spans.reruns', { spanId });
    expect(stored.reruns).toHaveLength(2);
  });
});
