import type { ChannelOutput, TopicPayload } from '../../../shared/contract';
import type { AssayBridge } from '../../../shared/transport/bridge';
import type { Client } from './client';
import { ClientError } from './client-error';
import { readResult } from './read-result';

declare global {
  interface Window {
    /** Set by the Electron preload script; absent when the workbench runs in a browser. */
    assay?: AssayBridge;
  }
}

/** The desktop client: calls go through the preload bridge to the main process. */
export function createIpcClient(bridge: AssayBridge): Client {
  return {
    transport: 'ipc',
    async invoke(channel, input) {
      let result: unknown;
      try {
        result = await bridge.invoke(channel, input);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new ClientError('INTERNAL', `${channel}: the IPC call failed: ${reason}`);
      }
      // The main process parses every output with the channel's schema before replying.
      return readResult(channel, result) as ChannelOutput<typeof channel>;
    },
    subscribe(topic, cb) {
      return bridge.subscribe(topic, (payload) => cb(payload as TopicPayload<typeof topic>));
    },
  };
}
