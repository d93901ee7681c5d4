import { useEffect } from 'react';
import { isAppRoute } from '../../../shared/app-routes';
import type { AssayBridge } from '../../../shared/transport/bridge';
import { openHash } from './palette-routes';

/**
 * Opens the routes the desktop shell asks for (a clicked alert notification: `/pulse?alert=…`)
 * as a link would, through the hash. Returns the function that stops listening; in a browser
 * (no bridge) there is nothing to listen to.
 */
export function followShellRoutes(
  bridge: Pick<AssayBridge, 'onNavigate'> | undefined,
  open: (route: string) => void = openHash,
): () => void {
  if (!bridge) return () => undefined;
  return bridge.onNavigate((route) => {
    if (isAppRoute(route)) open(route);
  });
}

/** Mounted once in the app shell. */
export function useShellNavigation(): void {
  useEffect(() => followShellRoutes(window.assay), []);
}
