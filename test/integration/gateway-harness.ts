import type { Core } from '../../main/app/create-core';
import { startHttpServer, type RunningServer } from '../../main/server/start-server';
import type { SpanRecord } from '../../main/tracing/span-record';
import { startAnthropicFake } from '../fakes/anthropic-fake';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import fs from 'node:fs';
import { tempDirKept } from '../support/temp-dir-kept';
import { openTestCore } from '../support/test-database';

/** Keys Assay stores (from the environment, as `assay serve` reads them). */
export const STORED_OPENAI_KEY = 'sk-stored-openai-0123456789abcdef';
export const STORED_ANTHROPIC_KEY = 'sk-ant-stored-0123456789abcdef';

export interface GatewayHarness {
  readonly core: Core;
  readonly openai: FakeServer;
  readonly anthropic: FakeServer;
  readonly server: RunningServer;
  readonly dataDir: string;
  close(): Promise<void>;
}

/** A core on this run's database, the fake providers, and `startHttpServer` serving the gateway. */
export async function startGatewayHarness(
  opts: { token?: string; streamGapMs?: number } = {},
): Promise<GatewayHarness> {
  const openai = await startOpenAiFake({ streamGapMs: opts.streamGapMs ?? 0 });
  const anthropic = await startAnthropicFake({ streamGapMs: opts.streamGapMs ?? 0 });
  const dataDir = tempDirKept('assay-gateway-');
  const core = await openTestCore(dataDir, {
    OPENAI_BASE_URL: `${openai.url}/v1`,
    OPENAI_API_KEY: STORED_OPENAI_KEY,
    ANTHROPIC_BASE_URL: anthropic.url,
    ANTHROPIC_API_KEY: STORED_ANTHROPIC_KEY,
    ASSAY_LOCAL_BASE_URL: `${openai.url}/v1`,
  });
  const server = await startHttpServer({
    dispatcher: core.dispatcher,
    events: core.events,
    host: '127.0.0.1',
    port: 0,
    ingest: core.services,
    ...(opts.token ? { token: opts.token } : {}),
  });
  return {
    core,
    openai,
    anthropic,
    server,
    dataDir,
    close: async () => {
      await server.close();
      await core.close();
      await openai.close();
      await anthropic.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The span the gateway writes after the answer is over (it never delays the app), polled for. */
export async function waitForSpan(core: Core, id: string, timeoutMs = 5000): Promise<SpanRecord> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const span = await core.services.tracing.span(id);
    if (span) return span;
    if (Date.now() > until) throw new Error(`span ${id} was not stored within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Counts stored spans (all sources), to show a refused request stored nothing. */
export async function spanCount(core: Core): Promise<number> {
  const page = await core.services.tracing.list({
    filter: {},
    sort: 'time',
    order: 'desc',
    offset: 0,
    limit: 500,
  });
  return page.items.reduce((n, t) => n + t.spanCount, 0);
}
