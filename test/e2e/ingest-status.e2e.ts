import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/app/create-core';
import { ensureRendererBuilt } from '../../main/cli/ensure-renderer';
import { createKeyfileCipher } from '../../main/secrets/keyfile-cipher';
import {
  INGEST_NOT_STARTED,
  startLocalIngestServer,
  type LocalIngestServer,
} from '../../main/server/local-ingest-server';
import { startHttpServer, type RunningServer } from '../../main/server/start-server';
import { createConfBackend } from '../../main/settings/conf-backend';
import { launchChromium } from '../support/browser';
import { REPO_ROOT } from '../support/run-cli';
import { coreCall } from '../support/core-call';
import { genAiSpan, newTraceId, otlpJson } from '../support/otlp-requests';
import { tempDirKept } from '../support/temp-dir-kept';
import { testDatabaseEnv } from '../support/test-database';

/**
 * The desktop app's ingest status in the real workbench UI. `assay serve` always answers
 * `server` (its own origin takes the calls), so this file wires a core the way the Electron
 * shell does (main/electron/bootstrap.ts: the core reads its local ingest server's status, the
 * server then tries the `ingestPort`), with a real program holding the port or not. The UI is
 * the built renderer over HTTP from a second server on the same core, in place of the window's
 * IPC: the same components and channels, another transport.
 */

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/e2e');

let browser: Browser;
let page: Page;
let dataDir: string;
let core: Core;
let ui: RunningServer;
let ingest: LocalIngestServer | undefined;
let blocker: net.Server | undefined;

async function listenOnFreePort(server: net.Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as net.AddressInfo).port;
}

/** Starts (or restarts, as an app restart does) the desktop's ingest server on `port`. */
async function startIngest(port: number): Promise<LocalIngestServer> {
  await ingest?.close();
  ingest = await startLocalIngestServer({
    dispatcher: core.dispatcher,
    events: core.events,
    ingest: core.services,
    port,
  });
  return ingest;
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const rendererDir = await ensureRendererBuilt(() => undefined);
  dataDir = tempDirKept('assay-e2e-ingest-status-');
  const db = await testDatabaseEnv(dataDir);
  core = await createCore({
    dataDir,
    settingsBackend: createConfBackend(dataDir),
    secretCipher: createKeyfileCipher(path.join(dataDir, 'secret.key')),
    env: { ...db },
    databaseUrl: db.ASSAY_DATABASE_URL,
    ingestStatus: () => ingest?.status ?? INGEST_NOT_STARTED,
  });
  ui = await startHttpServer({
    dispatcher: core.dispatcher,
    events: core.events,
    host: '127.0.0.1',
    port: 0,
    rendererDir,
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await ui?.close();
  await ingest?.close();
  await new Promise<void>((r) => (blocker ? blocker.close(() => r()) : r()));
  await core?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('ingest status in Chromium', () => {
  it('says capture is off when another program holds the ingest port, with the way to Settings', async () => {
    blocker = net.createServer();
    const port = await listenOnFreePort(blocker);
    await coreCall(core, 'settings.updatePreferences', { ingestPort: port });
    expect((await startIngest(port)).status.state).toBe('unavailable');

    await page.goto(`${ui.url}/#/traces`);
    await page.getByTestId('traces-empty').waitFor();
    const alert = page.getByTestId('ingest-unavailable');
    await alert.waitFor();
    await expect(page.getByTestId('ingest-unavailable-title').textContent()).resolves.toBe(
      `Capture is off: port ${port} is in use (another program, often assay serve, is listening on 127.0.0.1:${port}).`,
    );
    await expect(alert.textContent()).resolves.toContain(
      'Change the ingest port in Settings or stop the other program, then restart Assay.',
    );
    // No address is offered that would not capture here.
    await expect(page.getByTestId('traces-empty-openai').count()).resolves.toBe(0);
    await expect(page.getByTestId('traces-empty-otel').count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'ingest-unavailable-traces.png') });

    // The link opens Settings, where the port is edited: the warning is there too.
    await page.getByTestId('ingest-settings').click();
    await page.getByTestId('traces-section').waitFor();
    expect(page.url()).toContain('#/settings');
    const inSettings = page.getByTestId('traces-section').getByTestId('ingest-unavailable');
    await inSettings.waitFor();
    await expect(inSettings.textContent()).resolves.toContain(
      'Change the ingest port below or stop the other program, then restart Assay.',
    );
    await expect(page.getByTestId('ingest-port').inputValue()).resolves.toBe(String(port));

    // A new port is saved, and the page says it waits for a restart (the server binds at start).
    const next = port === 65535 ? port - 1 : port + 1;
    await page.getByTestId('ingest-port').fill(String(next));
    await page.getByTestId('save-traces-settings').click();
    await expect
      .poll(() => page.getByTestId('ingest-state').textContent())
      .toBe(
        `Port ${next} is saved and applies when you restart Assay; port ${port} was tried at start.`,
      );
    await page.screenshot({ path: path.join(ARTIFACTS, 'ingest-unavailable-settings.png') });
  });

  it('shows the listening server’s URLs, and a span sent there arrives on the page', async () => {
    await new Promise<void>((r) => blocker!.close(() => r()));
    blocker = undefined;
    const probe = net.createServer();
    const port = await listenOnFreePort(probe);
    await new Promise<void>((r) => probe.close(() => r()));
    await coreCall(core, 'settings.updatePreferences', { ingestPort: port });
    const status = (await startIngest(port)).status;
    expect(status).toEqual({ state: 'listening', url: `http://127.0.0.1:${port}`, port });

    await page.goto(`${ui.url}/#/traces`);
    await page.reload();
    await page.getByTestId('traces-empty-openai').waitFor();
    await expect(page.getByTestId('traces-empty-openai').textContent()).resolves.toBe(
      `OPENAI_BASE_URL=http://127.0.0.1:${port}/gateway/openai/v1`,
    );
    await expect(page.getByTestId('traces-empty-otel').textContent()).resolves.toBe(
      `OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:${port}`,
    );
    await expect(page.getByTestId('ingest-unavailable').count()).resolves.toBe(0);

    // The URL shown is the one that captures: an OTLP export to it lands in this workbench.
    const traceId = newTraceId();
    const sent = await fetch(`http://127.0.0.1:${port}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(otlpJson([genAiSpan(traceId)])),
    });
    expect(sent.status).toBe(200);
    await page.getByTestId(`trace-row-${traceId}`).first().waitFor({ timeout: 15_000 });

    await page.goto(`${ui.url}/#/settings`);
    await expect
      .poll(() => page.getByTestId('ingest-state').textContent())
      .toBe(`Listening on http://127.0.0.1:${port}.`);
    await expect(page.getByTestId('ingest-unavailable').count()).resolves.toBe(0);
  });
});
