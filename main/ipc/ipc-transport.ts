import { AssayError, type Result } from '../../shared/errors';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/transport/ipc-names';
import type { Dispatcher } from '../api/dispatcher';
import type { EventBus } from '../kit/event-bus';
import type { SenderFrameLike } from './trusted-sender';

/** The slice of Electron's ipcMain this transport uses; tests pass an in-process stand-in. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: SenderFrameLike | null }, ...args: unknown[]) => unknown,
  ): void;
  removeHandler(channel: string): void;
}

/** A window's webContents, as far as pushing events goes. */
export interface EventTargetLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface IpcTransportOptions {
  readonly ipcMain: IpcMainLike;
  readonly dispatcher: Dispatcher;
  readonly events: EventBus;
  readonly isTrustedSender: (frame: SenderFrameLike | null) => boolean;
  /** Windows that receive events; read at publish time so new windows are included. */
  readonly targets: () => readonly EventTargetLike[];
}

/** Serves the contract over IPC. Returns a function that unregisters everything. */
export function registerIpcTransport(options: IpcTransportOptions): () => void {
  const { ipcMain, dispatcher, events, isTrustedSender, targets } = options;

  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, channel, input): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) {
      return {
        ok: false,
        error: new AssayError('FORBIDDEN', 'IPC call from an untrusted frame').toPayload(),
      };
    }
    if (typeof channel !== 'string') {
      return {
        ok: false,
        error: new AssayError('MALFORMED_REQUEST', 'IPC call without a channel name').toPayload(),
      };
    }
    return dispatcher.dispatch(channel, input, { transport: 'ipc' });
  });

  const unsubscribe = events.subscribe((topic, payload) => {
    for (const target of targets()) {
      if (!target.isDestroyed()) target.send(IPC_EVENT_CHANNEL, topic, payload);
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
  };
}
