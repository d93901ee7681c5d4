import { topics, type Topic, type TopicPayload } from '../../shared/contract';

export type EventListener = (topic: Topic, payload: unknown) => void;

/**
 * In-process publish/subscribe for contract topics. Payloads are checked against the topic's
 * schema on publish, so every transport forwards only well-formed events.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  publish<T extends Topic>(topic: T, payload: TopicPayload<T>): void {
    const parsed: unknown = topics[topic].parse(payload);
    for (const listener of this.listeners) {
      try {
        listener(topic, parsed);
      } catch (err) {
        // A broken subscriber (a closed socket, a destroyed window) must not stop the others.
        console.error(`[events] listener failed for ${topic}:`, err);
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
