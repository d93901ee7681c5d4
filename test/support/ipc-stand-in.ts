import type { Core } from '../../main/app/create-core';
import {
  registerIpcTransport,
  type EventTargetLike,
  type IpcMainLike,
} from '../../main/ipc/ipc-transport';
import { createSenderCheck } from '../../main/ipc/trusted-sender';
import { createBridge } from '../../preload/bridge';
import type { AssayBridge } from '../../shared/transport/bridge';
import type { SenderFrameLike } from '../../main/ipc/trusted-sender';
import type { IpcRendererLike } from '../../preload/bridge';

type MainListener = (event: { senderFrame: SenderFrameLike | null }, ...args: unknown[]) => unknown;
type RendererListener = (event: unknown, ...args: unknown[]) => void;

/**
 * An in-process stand-in for Electron's ipcMain, one window's webContents and its
 * ipcRenderer. Arguments and results go through structuredClone, as Electron serialises them.
 */
export class IpcStandIn {
  private readonly handlers = new Map<string, MainListener>();
  private readonly rendererListeners = new Map<string, Set<RendererListener>>();
  destroyed = false;

  constructor(public frame: SenderFrameLike | null) {}

  readonly ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      this.handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      this.handlers.delete(channel);
    },
  };

  readonly webContents: EventTargetLike = {
    send: (channel, ...args) => {
      const cloned = structuredClone(args);
      queueMicrotask(() => {
        for (const listener of this.rendererListeners.get(channel) ?? []) listener({}, ...cloned);
      });
    },
    isDestroyed: () => this.destroyed,
  };

  readonly ipcRenderer: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      const handler = this.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return structuredClone(await handler({ senderFrame: this.frame }, ...structuredClone(args)));
    },
    on: (channel, listener) => {
      const set = this.rendererListeners.get(channel) ?? new Set();
      set.add(listener);
      this.rendererListeners.set(channel, set);
    },
    removeListener: (channel, listener) => {
      this.rendererListeners.get(channel)?.delete(listener);
    },
  };

  listenerCount(channel: string): number {
    return this.rendererListeners.get(channel)?.size ?? 0;
  }
}

/**
 * The IPC transport of a core as the renderer sees it: the real transport and preload bridge
 * over the stand-in, with the sender frame `frame` (the app's own top frame by default).
 */
export function connectIpc(
  core: Core,
  frame: SenderFrameLike | null = { url: 'app://assay/index.html', parent: null },
): { bridge: AssayBridge; standIn: IpcStandIn; dispose: () => void } {
  const standIn = new IpcStandIn(frame);
  const dispose = registerIpcTransport({
    ipcMain: standIn.ipcMain,
    dispatcher: core.dispatcher,
    events: core.events,
    isTrustedSender: createSenderCheck(['app://assay']),
    targets: () => [standIn.webContents],
  });
  return { bridge: createBridge(standIn.ipcRenderer), standIn, dispose };
}
