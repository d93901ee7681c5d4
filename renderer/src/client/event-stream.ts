import { topics } from '../../../shared/contract';

type Listener = (payload: unknown) => void;

/** Every topic of the contract: named SSE events need a listener per name. */
const KNOWN_TOPICS = Object.keys(topics);

/**
 * One EventSource shared by every subscriber of an HTTP client, opened at the first
 * subscription and kept for the life of the page with every topic: reopening it as pages
 * subscribe and unsubscribe cut streams mid-chunk (which the browser reports as errors) for a
 * local server whose event volume is small. EventSource itself reconnects after network drops.
 */
export class EventStream {
  private readonly listeners = new Map<string, Set<Listener>>();
  private source: EventSource | null = null;

  constructor(private readonly urlFor: (topics: readonly string[]) => string) {}

  subscribe(topic: string, listener: Listener): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
    }
    set.add(listener);
    this.ensureOpen();
    return () => {
      const current = this.listeners.get(topic);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.listeners.delete(topic);
    };
  }

  /**
   * Opens the stream on the first subscription; it then stays open for the page's life. A stream
   * the server refused (a team server's 401 once a session ended: EventSource gives up on an
   * error status) is opened again by the next subscription, made after the next login.
   */
  private ensureOpen(): void {
    if (this.source && this.source.readyState !== EventSource.CLOSED) return;
    const source = new EventSource(this.urlFor([]));
    this.source = source;
    for (const topic of KNOWN_TOPICS) {
      source.addEventListener(topic, (event) => this.dispatch(topic, event.data));
    }
  }

  private dispatch(topic: string, data: unknown): void {
    let payload: unknown;
    try {
      payload = JSON.parse(String(data));
    } catch {
      console.warn(`[assay] dropped a "${topic}" event whose data is not JSON`);
      return;
    }
    for (const listener of this.listeners.get(topic) ?? []) listener(payload);
  }
}
