import path from 'node:path';
import { app, BrowserWindow, dialog, safeStorage, session } from 'electron';
import { createCore, type Core } from '../app/create-core';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { applyDevServerCsp } from './dev-server-csp';
import { createElectronSettingsBackend } from './electron-settings';
import { serveCoreOverIpc } from './ipc-bridge';
import { createMainWindow } from './main-window';
import { notifyPulseAlerts } from './pulse-notifications';
import { resolveNativeModulePaths } from './native-modules';
import { resolveRendererTarget, type RendererTarget } from './renderer-target';
import { createSafeStorageCipher } from './safe-storage-cipher';
import {
  INGEST_NOT_STARTED,
  startLocalIngestServer,
  type LocalIngestServer,
} from '../server/local-ingest-server';
import { describeStartupError } from './startup-error';
import { focusWindow, routeUrl, showRoute } from './window-route';
import { denyAllPermissions, installWebContentsGuards } from './web-guards';

export interface BootstrapOptions {
  /** Folder of the bundled main script (out/main); out/preload and out/renderer are siblings. */
  readonly mainDir: string;
}

/** Starts the desktop shell: one instance, one window, the core behind IPC. */
export function bootstrap(options: BootstrapOptions): void {
  // Privileged schemes can only be registered before `ready`.
  registerAppScheme();

  // A second instance would open the same SQLite file and settings; hand over and leave.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) focusWindow(window);
  });
  app.on('window-all-closed', () => {
    // macOS apps stay alive without windows; `activate` opens a new one.
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => start(options))
    .catch((err: unknown) => failStartup(err));
}

async function start(options: BootstrapOptions): Promise<void> {
  const dataDir = app.getPath('userData');
  let core: Core | undefined;
  try {
    const target = resolveRendererTarget(app.isPackaged, process.env);
    installWebContentsGuards(target.appOrigins);
    denyAllPermissions(session.defaultSession);
    if (target.devServerUrl) applyDevServerCsp(session.defaultSession, target.devServerUrl);
    else serveAppProtocol(path.join(options.mainDir, '../renderer'));

    // The ingest server serves the core's dispatcher, so it starts after the core; the core's
    // `ingest.status` reads it through this variable, set before any window opens.
    let localIngest: LocalIngestServer | undefined;
    // The core (and its migrations) comes up before any window, so a failure is an error box,
    // never a blank window.
    core = await createCore({
      dataDir,
      settingsBackend: createElectronSettingsBackend(),
      secretCipher: createSafeStorageCipher(safeStorage),
      ...resolveNativeModulePaths(),
      ingestStatus: () => localIngest?.status ?? INGEST_NOT_STARTED,
    });
    const stopIpc = serveCoreOverIpc({
      dispatcher: core.dispatcher,
      events: core.events,
      appOrigins: target.appOrigins,
    });
    // The user's apps send calls (gateway) and spans (OTLP) here, as to `assay serve`.
    // A change of the ingestPort setting applies at the next start (Settings says so).
    const ingest = (localIngest = await startLocalIngestServer({
      dispatcher: core.dispatcher,
      events: core.events,
      ingest: core.services,
      port: core.services.settings.current().preferences.ingestPort,
    }));
    if (ingest.status.state === 'unavailable')
      console.warn(`[electron] local ingest server is off: ${ingest.status.reason}`);
    const preloadPath = path.join(options.mainDir, '../preload/index.cjs');
    // Pulse alert rules are evaluated every minute; a fired alert is a desktop notification,
    // whose click opens the alert in the inbox (in a new window if none is open: macOS).
    const stopNotifications = notifyPulseAlerts(core.events, (route) => {
      const [window] = BrowserWindow.getAllWindows();
      if (window) showRoute(window, route);
      else
        openWindow(preloadPath, target, route).catch((err: unknown) => {
          console.error('[electron] could not open the window for an alert:', err);
        });
    });
    core.services.pulse.start();
    core.services.scoringRules.start();
    core.services.scoreRollup.start();
    core.services.backtests.start();
    const running = core;
    let closed = false;
    // Closing the database is async (pending group commits flush first): hold the quit until
    // it is done, then quit again.
    app.on('will-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      stopIpc();
      stopNotifications();
      void ingest
        .close()
        .then(() => running.close())
        .catch((err: unknown) => console.error('[electron] closing the database failed:', err))
        .finally(() => {
          closed = true;
          app.quit();
        });
    });

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length > 0) return;
      openWindow(preloadPath, target).catch((err: unknown) => {
        console.error('[electron] could not reopen the window:', err);
      });
    });
    await openWindow(preloadPath, target);
  } catch (err) {
    // app.exit skips will-quit, so the database is closed here.
    await core?.close().catch(() => undefined);
    failStartup(err, dataDir);
  }
}

/** Opens the window on the workbench's start page, or on `route` (`/pulse?alert=…`). */
async function openWindow(
  preloadPath: string,
  target: RendererTarget,
  route?: string,
): Promise<void> {
  const window = createMainWindow({ preloadPath });
  await window.loadURL(route === undefined ? target.entryUrl : routeUrl(target.entryUrl, route));
}

function failStartup(err: unknown, dataDir?: string): void {
  console.error('[electron] startup failed:', err);
  const report = describeStartupError(err, dataDir);
  dialog.showErrorBox(report.title, report.content);
  app.exit(1);
}
