import { topics, type Topic, type TopicPayload } from '../../shared/contract';

export type EventListener = (topic: Topic, payload: unknown) => void;

/** Carries this process's events to other processes (team mode: Redis pub/sub). */
export type EventRelay = (topic: Topic, payload: unknown) => void;

/**
 * In-process publish/subscribe for contract topics. Payloads are checked against the topic's
 * schema on publish, so every transport forwards only well-formed events. On a team server a
 * relay sends each event published here to the other server and worker processes, whose events
 * arrive through `deliver` (never relayed again, so nothing echoes).
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private relay: EventRelay | null = null;

  publish<T extends Topic>(topic: T, payload: TopicPayload<T>): void {
    const parsed: unknown = topics[topic].parse(payload);
    this.notify(topic, parsed);
    this.relay?.(topic, parsed);
  }

  /** An event another process published: checked like a local one, then given to listeners. */
  deliver(topic: Topic, payload: unknown): void {
    const parsed = topics[topic].safeParse(payload);
    if (parsed.success) this.notify(topic, parsed.data);
    else console.error(`[events] dropped a relayed ${topic} event that breaks its schema`);
  }

  /** Sets (or, with null, removes) where published events also go. */
  setRelay(relay: EventRelay | null): void {
    this.relay = relay;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  private notify(topic: Topic, payload: unknown): void {
    for (const listener of this.listeners) {
      try {
        listener(topic, payload);
      } catch (err) {
        // A broken subscriber (a closed socket, a destroyed window) must not stop the others.
        console.error(`[events] listener failed for ${topic}:`, err);
      }
    }
  }
}
