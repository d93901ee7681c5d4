import { IPC_NAVIGATE_CHANNEL } from '../../shared/transport/ipc-names';

/**
 * Bringing the window forward and opening a workbench route in it. Written against the slice of
 * BrowserWindow it uses (no `electron` import), so it runs under plain Node in tests.
 */
export interface RouteWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  readonly webContents: {
    send(channel: string, ...args: unknown[]): void;
    isLoading(): boolean;
    once(event: 'did-finish-load', listener: () => void): unknown;
  };
}

/** Brings the existing window forward (a second launch, a dock click, a notification). */
export function focusWindow(
  window: Pick<RouteWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>,
) {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Focuses the window and asks its workbench to open `route` (the preload hands it to the
 * renderer, which changes the hash). A window still loading is asked once it has loaded.
 */
export function showRoute(window: RouteWindow, route: string): void {
  focusWindow(window);
  const send = () => window.webContents.send(IPC_NAVIGATE_CHANNEL, route);
  if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
  else send();
}

/** The URL a new window loads to open `route` at once: the entry page with the route as hash. */
export function routeUrl(entryUrl: string, route: string): string {
  const url = new URL(entryUrl);
  url.hash = route;
  return url.href;
}
