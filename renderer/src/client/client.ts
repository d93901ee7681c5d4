import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  Topic,
  TopicPayload,
} from '../../../shared/contract';

export type Transport = 'ipc' | 'http';

/**
 * The renderer's only way to reach the core. The IPC and HTTP implementations behave the same,
 * so nothing above this interface knows whether it runs in Electron or in a browser.
 */
export interface Client {
  readonly transport: Transport;
  /** Calls a contract channel; rejects with a ClientError when the Result is not ok. */
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Listens to a topic until the returned function is called. */
  subscribe<T extends Topic>(topic: T, cb: (payload: TopicPayload<T>) => void): () => void;
}
