import { captureAuthToken } from './auth-token';
import type { Client } from './client';
import { createHttpClient } from './http-client';
import { createIpcClient } from './ipc-client';

/** IPC inside Electron (the preload set `window.assay`), HTTP in any other browser. */
export function createClient(): Client {
  if (window.assay) return createIpcClient(window.assay);
  return createHttpClient(captureAuthToken());
}
