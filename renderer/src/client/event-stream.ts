type Listener = (payload: unknown) => void;

/**
 * One EventSource shared by every subscriber of an HTTP client. The server filters by the
 * `topics` query parameter, so the connection is reopened when a topic it does not cover is
 * subscribed; EventSource itself reconnects after network drops.
 */
export class EventStream {
  private readonly listeners = new Map<string, Set<Listener>>();
  private source: EventSource | null = null;
  private openTopics = new Set<string>();
  private syncQueued = false;

  constructor(private readonly urlFor: (topics: readonly string[]) => string) {}

  subscribe(topic: string, listener: Listener): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
    }
    set.add(listener);
    this.queueSync();
    return () => {
      const current = this.listeners.get(topic);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.listeners.delete(topic);
      this.queueSync();
    };
  }

  /**
   * Batches subscription changes made in the same task (a render commit, React StrictMode's
   * mount-unmount-mount) into at most one reconnect.
   */
  private queueSync(): void {
    if (this.syncQueued) return;
    this.syncQueued = true;
    queueMicrotask(() => {
      this.syncQueued = false;
      this.sync();
    });
  }

  private sync(): void {
    const wanted = [...this.listeners.keys()].sort();
    if (wanted.length === 0) {
      this.close();
      return;
    }
    // A topic nobody listens to any more is harmless, so only a new topic forces a reconnect.
    if (this.source && wanted.every((t) => this.openTopics.has(t))) return;
    this.close();
    const source = new EventSource(this.urlFor(wanted));
    for (const topic of wanted) {
      source.addEventListener(topic, (event) => this.dispatch(topic, event.data));
    }
    this.source = source;
    this.openTopics = new Set(wanted);
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

  private close(): void {
    this.source?.close();
    this.source = null;
    this.openTopics = new Set();
  }
}
