import { isAppRoute } from '../shared/app-routes';
import type { Result } from '../shared/errors';
import type { AssayBridge } from '../shared/transport/bridge';
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  IPC_NAVIGATE_CHANNEL,
} from '../shared/transport/ipc-names';

/** The slice of Electron's ipcRenderer the bridge uses; tests pass an in-process stand-in. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Builds `window.assay`. Only plain data crosses: the listener wrapper drops the IPC event
 * object so the renderer never gets a handle on `sender`.
 */
export function createBridge(ipc: IpcRendererLike): AssayBridge {
  return {
    invoke: (channel, input) =>
      ipc.invoke(IPC_INVOKE_CHANNEL, channel, input) as Promise<Result<unknown>>,
    subscribe: (topic, listener) => {
      const wrapped = (_event: unknown, ...args: unknown[]): void => {
        if (args[0] === topic) listener(args[1]);
      };
      ipc.on(IPC_EVENT_CHANNEL, wrapped);
      return () => {
        ipc.removeListener(IPC_EVENT_CHANNEL, wrapped);
      };
    },
    onNavigate: (listener) => {
      const wrapped = (_event: unknown, ...args: unknown[]): void => {
        if (isAppRoute(args[0])) listener(args[0]);
      };
      ipc.on(IPC_NAVIGATE_CHANNEL, wrapped);
      return () => {
        ipc.removeListener(IPC_NAVIGATE_CHANNEL, wrapped);
      };
    },
  };
}
