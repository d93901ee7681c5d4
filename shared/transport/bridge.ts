import type { Result } from '../errors';

/**
 * What the preload script exposes as `window.assay`, and nothing more: the renderer can call
 * contract channels and listen to topics, but never reaches ipcRenderer or Node.
 */
export interface AssayBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  subscribe(topic: string, listener: (payload: unknown) => void): () => void;
}
