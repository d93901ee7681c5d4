/** What a fake provider can do to a request instead of (or while) answering it normally. */
export type Fault =
  /** Answer with this status and the provider's own error body (e.g. 429 + retry-after). */
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly message?: string;
    }
  /** Wait, then answer normally (a slow provider). */
  | { readonly kind: 'delay'; readonly ms: number }
  /** Never answer (the client's timeout must fire). */
  | { readonly kind: 'hang' }
  /** Destroy the connection before any response byte. */
  | { readonly kind: 'drop' }
  /** Stream `afterEvents` events, then destroy the connection. */
  | { readonly kind: 'drop-mid-stream'; readonly afterEvents: number }
  /** Stream `afterEvents` events, then send the provider's in-stream error event/frame. */
  | {
      readonly kind: 'error-mid-stream';
      readonly afterEvents: number;
      readonly errorType?: string;
      readonly message?: string;
    };

/** mulberry32: a tiny seeded PRNG so fault sequences are reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The faults a fake applies: first the queued ones, one per request in order; then, when a
 * random plan is set, each request draws a fault with probability `rate`.
 */
export class FaultPlan {
  private readonly queue: Fault[] = [];
  private random: { rate: number; faults: readonly Fault[]; next: () => number } | null = null;
  /** How many faults were applied, by kind. */
  readonly applied = new Map<Fault['kind'], number>();

  enqueue(...faults: Fault[]): this {
    this.queue.push(...faults);
    return this;
  }

  setRandom(rate: number, faults: readonly Fault[], seed = 1): this {
    this.random = { rate, faults, next: seeded(seed) };
    return this;
  }

  clear(): this {
    this.queue.length = 0;
    this.random = null;
    this.applied.clear();
    return this;
  }

  /** The fault for the next request, or null to answer normally. */
  take(): Fault | null {
    let fault: Fault | null = this.queue.shift() ?? null;
    if (
      !fault &&
      this.random &&
      this.random.faults.length > 0 &&
      this.random.next() < this.random.rate
    ) {
      fault = this.random.faults[Math.floor(this.random.next() * this.random.faults.length)]!;
    }
    if (fault) this.applied.set(fault.kind, (this.applied.get(fault.kind) ?? 0) + 1);
    return fault;
  }
}
