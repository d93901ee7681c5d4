import { BrowserWindow } from 'electron';

export interface MainWindowOptions {
  /** out/preload/index.cjs */
  readonly preloadPath: string;
}

/**
 * The one workbench window. The renderer gets no Node, runs in Chromium's sandbox, and sees
 * the main world only through the preload's `window.assay`; webviews are off entirely. It is
 * created hidden and shown once painted, so there is no white flash.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Assay',
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // Middle-click (auxclick) on a link asks for a new window, which the window-open handler
      // in web-guards.ts refuses like any other. This switch is what Electronegativity's
      // AUXCLICK check asks for; recent Chromium no longer lists an Auxclick feature, so the
      // handler is what holds, not this.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
