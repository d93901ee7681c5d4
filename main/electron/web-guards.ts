import { app, shell, type Session, type WebContents } from 'electron';
import { isAppNavigation, isSafeExternalUrl } from './navigation-policy';

/**
 * Locks down every WebContents the app ever creates (windows, devtools, anything future):
 * no new windows, no navigation away from the app, no webviews, no permissions. Installed
 * before any window exists so nothing slips through.
 */
export function installWebContentsGuards(appOrigins: readonly string[]): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, appOrigins);
  });
}

function guardWebContents(contents: WebContents, appOrigins: readonly string[]): void {
  contents.setWindowOpenHandler(({ url }) => {
    // Links to documentation or a provider console open in the user's browser; nothing ever
    // opens inside Electron.
    if (isSafeExternalUrl(url)) {
      shell.openExternal(url).catch((err: unknown) => {
        console.warn(`[electron] could not open ${url}:`, err);
      });
    } else {
      console.warn(`[electron] blocked window.open of ${url}`);
    }
    return { action: 'deny' };
  });

  const blockForeignNavigation = (event: { url: string; preventDefault(): void }): void => {
    if (isAppNavigation(event.url, appOrigins)) return;
    event.preventDefault();
    console.warn(`[electron] blocked navigation to ${event.url}`);
  };
  contents.on('will-navigate', blockForeignNavigation);
  contents.on('will-redirect', blockForeignNavigation);

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });

  denyAllPermissions(contents.session);
}

/**
 * The workbench needs no camera, notifications, geolocation, HID or anything else, so every
 * permission request and check is refused. Idempotent: sessions are shared between contents.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
