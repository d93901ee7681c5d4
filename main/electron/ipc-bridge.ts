import { BrowserWindow, ipcMain } from 'electron';
import type { Dispatcher } from '../api/dispatcher';
import type { EventBus } from '../kit/event-bus';
import { registerIpcTransport } from '../ipc/ipc-transport';
import { createSenderCheck } from '../ipc/trusted-sender';

export interface IpcBridgeOptions {
  readonly dispatcher: Dispatcher;
  readonly events: EventBus;
  /** Only top-level frames of these origins may call the core. */
  readonly appOrigins: readonly string[];
}

/**
 * Serves the contract to the renderer over Electron IPC. Events go to every open window,
 * looked up when published so a window created later (macOS re-activation) is included.
 * Returns the function that unregisters the handler.
 */
export function serveCoreOverIpc(options: IpcBridgeOptions): () => void {
  return registerIpcTransport({
    ipcMain,
    dispatcher: options.dispatcher,
    events: options.events,
    isTrustedSender: createSenderCheck(options.appOrigins),
    targets: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
  });
}
