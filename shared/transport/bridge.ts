import type { Result } from '../errors';

/**
 * What the preload script exposes as `window.assay`, and nothing more: the renderer can call
 * contract channels and listen to topics, but never reaches ipcRenderer or Node.
 */
export interface AssayBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  subscribe(topic: string, listener: (payload: unknown) => void): () => void;
  /**
   * The desktop shell asks the workbench to open one of its routes (`/pulse?alert=…`): a
   * clicked notification. Only routes of the workbench reach the listener.
   */
  onNavigate(listener: (route: string) => void): () => void;
}
