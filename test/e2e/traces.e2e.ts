import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatUsd, usdToPico } from '../../shared/money';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { apiCall } from '../support/api-call';
import { launchChromium } from '../support/browser';
import { chooseOption } from '../support/radix-select';
import { REPO_ROOT } from '../support/run-cli';
import { startServe, type ServeProcess } from '../support/serve-process';
import { tempDirKept } from '../support/temp-dir-kept';
import { coreCall } from '../support/core-call';
import { spanFixture } from '../support/span-fixture';
import { openTestCore } from '../support/test-database';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');

interface CallResult {
  readonly traceId: string;
  readonly spanId: string;
  readonly costUsd: number | null;
  readonly text: string;
}

let browser: Browser;
let server: ServeProcess;
let openai: FakeServer;
let dataDir: string;
let page: Page;
const calls: Record<'refund' | 'weather' | 'hello', CallResult> = {} as never;

const ENV = { OPENAI_API_KEY: 'sk-e2e-traces-0000000000' };

const api = <T>(channel: string, input: unknown): Promise<T> =>
  apiCall<T>(server.url, channel, input);

const call = (model: string, content: string) =>
  api<CallResult>('llm.call', {
    provider: 'openai',
    model,
    messages: [{ role: 'user', content }],
  });

/** The trace rows the list shows now (virtualized: every seeded row fits on screen). */
async function rowIds(): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="trace-row-"][data-index]')
    .evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-testid')!.slice('trace-row-'.length)),
    );
  return ids.sort();
}

async function expectRows(expected: string[]): Promise<void> {
  const want = [...expected].sort();
  await expect.poll(rowIds, { timeout: 10_000 }).toEqual(want);
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  openai = await startOpenAiFake();
  dataDir = tempDirKept('assay-e2e-traces-');
  server = await startServe(dataDir, [], { ...ENV, OPENAI_BASE_URL: `${openai.url}/v1` });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await openai?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('traces in Chromium', () => {
  it('tells a new user how to send traces when there is none', async () => {
    await page.goto(`${server.url}/#/traces`);
    await page.getByTestId('traces-empty').waitFor();
    await expect(page.getByTestId('traces-empty-openai').textContent()).resolves.toBe(
      `OPENAI_BASE_URL=${server.url}/gateway/openai/v1`,
    );
    await expect(page.getByTestId('traces-empty-otel').textContent()).resolves.toBe(
      `OTEL_EXPORTER_OTLP_ENDPOINT=${server.url}`,
    );
    // `assay serve` takes the calls itself (ingest.status `server`): no capture warning.
    await expect(page.getByTestId('ingest-unavailable').count()).resolves.toBe(0);
  });

  it('shows new calls live, filters by model and by search in the URL, and keeps them on reload', async () => {
    // The empty page is open: calls made now must appear without a reload (traces.ingested).
    calls.refund = await call('gpt-4o-mini', 'I want a refund for my late order');
    calls.weather = await call('gpt-4o', 'What is the weather in Paris');
    calls.hello = await call('gpt-4o-mini', 'hello there');
    const all = Object.values(calls).map((c) => c.traceId);
    await expectRows(all);

    await chooseOption(page, 'traces-model', /^gpt-4o$/);
    await expectRows([calls.weather.traceId]);
    expect(page.url()).toContain('model=gpt-4o');
    await page.reload();
    await expectRows([calls.weather.traceId]);
    await expect(page.getByTestId('traces-model').textContent()).resolves.toBe('gpt-4o');

    await page.getByTestId('traces-clear').click();
    await expectRows(all);
    await page.getByTestId('traces-search').fill('refund');
    await expectRows([calls.refund.traceId]);
    await expect.poll(() => page.url()).toContain('q=refund');
    await page.reload();
    await expectRows([calls.refund.traceId]);
    await expect(page.getByTestId('traces-search').inputValue()).resolves.toBe('refund');

    // Sorting by cost puts the dearer model (gpt-4o) first.
    await page.getByTestId('traces-clear').click();
    await expectRows(all);
    await page.getByTestId('traces-sort-cost').click();
    await expect.poll(() => page.url()).toContain('sort=cost');
    await expect
      .poll(() =>
        page.locator('[data-testid^="trace-row-"][data-index="0"]').getAttribute('data-testid'),
      )
      .toBe(`trace-row-${calls.weather.traceId}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'traces-list.png') });
  });

  it('opens a trace: tree and waterfall, and the selected span shows request, answer and cost', async () => {
    await page.goto(`${server.url}/#/traces?q=refund`);
    await expectRows([calls.refund.traceId]);
    await page.getByTestId(`trace-row-${calls.refund.traceId}`).click();
    await page.waitForURL(new RegExp(`#/traces/${calls.refund.traceId}`));
    await page.getByTestId('trace-detail').waitFor();
    await page.getByTestId(`span-row-${calls.refund.spanId}`).waitFor();
    await expect(page.getByTestId('span-bar').count()).resolves.toBe(1);
    const expectedCost = formatUsd(usdToPico(calls.refund.costUsd!));
    await expect(page.getByTestId('trace-cost').textContent()).resolves.toBe(expectedCost);

    await page.getByTestId(`span-row-${calls.refund.spanId}`).click();
    await expect.poll(() => page.url()).toContain(`span=${calls.refund.spanId}`);
    await expect(page.getByTestId('span-message-0').textContent()).resolves.toContain(
      'I want a refund for my late order',
    );
    await expect(page.getByTestId('span-response-text').textContent()).resolves.toBe(
      calls.refund.text,
    );
    await expect(page.getByTestId('span-panel-cost').textContent()).resolves.toBe(expectedCost);
    await expect(page.getByTestId('span-panel-model').textContent()).resolves.toBe(
      'openai:gpt-4o-mini',
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'trace-detail.png') });

    // Reloading the link opens the same span; Back to the list keeps the search.
    await page.reload();
    await page.getByTestId('span-panel').waitFor();
    await page.getByTestId('trace-back').click();
    await page.getByTestId('traces-list').waitFor();
  });

  it('nests spans in the tree and waterfall, marks an orphan, and moves the selection with the keyboard', async () => {
    // No OTLP route on this branch: the nested trace is stored through the core itself, with
    // the server stopped, then the server starts again on the same data.
    await server.stop();
    const traceId = '0194bbbb-0000-7000-8000-000000000001';
    const at = (ms: number) => new Date(Date.UTC(2026, 11, 6, 10, 0, 0, ms)).toISOString();
    const seed = await openTestCore(dataDir);
    const version = await coreCall(seed, 'prompts.create', {
      name: 'support/reply',
      kind: 'chat',
      content: { messages: [{ role: 'user', content: '{{q}}' }] },
    });
    const tagging = { sessionId: 'sess-1', userId: 'user-7', tags: ['vip'] };
    await seed.services.tracing.ingest(
      [
        spanFixture({
          ...tagging,
          id: 'e2e-root',
          traceId,
          kind: 'chain',
          name: 'support agent',
          provider: null,
          model: null,
          costPicoUsd: null,
          requestJson: JSON.stringify({ input: 'Where is my parcel?' }),
          responseJson: JSON.stringify({ output: 'On its way' }),
          startedAt: at(0),
          endedAt: at(1000),
        }),
        spanFixture({
          ...tagging,
          promptVersionId: version.id,
          id: 'e2e-llm',
          traceId,
          parentId: 'e2e-root',
          name: 'openai:gpt-4o',
          requestJson: JSON.stringify({
            provider: 'openai',
            model: 'gpt-4o',
            messages: [{ role: 'user', content: 'Where is my parcel?' }],
          }),
          responseJson: JSON.stringify({
            text: 'Let me look it up',
            toolCalls: [],
            finishReason: 'stop',
          }),
          startedAt: at(100),
          endedAt: at(600),
        }),
        spanFixture({
          id: 'e2e-tool',
          traceId,
          parentId: 'e2e-llm',
          kind: 'tool',
          name: 'track_parcel',
          provider: null,
          model: null,
          costPicoUsd: null,
          requestJson: JSON.stringify({ input: { parcel: 'P-1' } }),
          responseJson: JSON.stringify({ output: 'in transit' }),
          startedAt: at(200),
          endedAt: at(300),
        }),
        spanFixture({
          id: 'e2e-orphan',
          traceId,
          parentId: 'e2e-not-yet',
          name: 'late child',
          startedAt: at(700),
          endedAt: at(900),
        }),
      ],
      'api',
      'e2e seed',
    );
    await seed.close();
    server = await startServe(dataDir, [], { ...ENV, OPENAI_BASE_URL: `${openai.url}/v1` });

    await page.goto(`${server.url}/#/traces/${traceId}`);
    await page.getByTestId('span-row-e2e-tool').waitFor();
    const depth = (id: string) => page.getByTestId(`span-row-${id}`).getAttribute('data-depth');
    await expect(depth('e2e-root')).resolves.toBe('0');
    await expect(depth('e2e-llm')).resolves.toBe('1');
    await expect(depth('e2e-tool')).resolves.toBe('2');
    await expect(depth('e2e-orphan')).resolves.toBe('0');
    await page.getByTestId('span-row-e2e-orphan').getByTestId('span-orphan').waitFor();
    await expect(page.getByTestId('span-bar').count()).resolves.toBe(4);
    // The waterfall places the LLM call's bar a tenth into the trace, half of it long.
    const style = await page
      .getByTestId('span-row-e2e-llm')
      .getByTestId('span-bar')
      .getAttribute('style');
    expect(style).toContain('left: 10%');
    expect(style).toContain('width: 50%');

    await page.getByTestId('span-row-e2e-root').click();
    await expect(page.getByTestId('span-panel-input').textContent()).resolves.toBe(
      'Where is my parcel?',
    );
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.url()).toContain('span=e2e-llm');
    await expect(page.getByTestId('span-response-text').textContent()).resolves.toBe(
      'Let me look it up',
    );
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.url()).toContain('span=e2e-tool');
    await expect(page.getByTestId('span-panel-output').textContent()).resolves.toBe('in transit');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.url()).toContain('span=e2e-llm');
    await page.screenshot({ path: path.join(ARTIFACTS, 'trace-tree.png') });

    // The header links the prompt version, the session, and the list of the user's traces.
    const prompt = page.getByTestId('trace-prompt');
    await expect.poll(() => prompt.textContent()).toBe('support/reply v1.0');
    await expect(prompt.getAttribute('href')).resolves.toBe('#/prompts/support/reply?version=v1.0');
    await expect(page.getByTestId('trace-session').getAttribute('href')).resolves.toBe(
      '#/interactions/sessions/sess-1',
    );
    await page.getByTestId('trace-user-filter').click();
    await expect.poll(() => page.url()).toContain('#/traces?user=user-7');
    await expectRows([traceId]);
  });
});
