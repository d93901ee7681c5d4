import type { SandboxLimits, SandboxResult } from '../code/sandbox-core';

/** One scorer to evaluate in QuickJS (code/sandbox.ts). */
export interface ScorerTask {
  readonly kind: 'scorer';
  readonly code: string;
  readonly input: unknown;
  readonly limits: SandboxLimits;
}

/**
 * Work that may backtrack for minutes in V8's regex engine, which nothing can interrupt, so it
 * runs on a worker that is terminated at `timeoutMs` (off-thread.ts): a regex search, or a JSON
 * Schema validation whose schema has such a `pattern`.
 */
export type BoundedTask =
  | {
      readonly kind: 'regex';
      readonly pattern: string;
      readonly flags: string;
      readonly text: string;
      readonly timeoutMs: number;
    }
  | {
      readonly kind: 'schema';
      readonly schema: unknown;
      readonly value: unknown;
      readonly timeoutMs: number;
    };

/** A bounded task's answer: its value, or why there is none. */
export type Bounded<T> =
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'timed-out' }
  | { readonly status: 'failed'; readonly error: string };

export type WorkerTask = ScorerTask | BoundedTask;

/** What worker-pool.ts posts: a task tagged with the id its answer must carry. */
export interface WorkerRequest {
  readonly id: number;
  readonly task: WorkerTask;
}

/** The worker's answer; `retire` asks the pool to replace it (it grew too large to keep). */
export interface WorkerReply<Result = SandboxResult | Bounded<unknown>> {
  readonly id: number;
  readonly result: Result;
  readonly retire?: boolean;
}

/** Posted once the worker has loaded: until then, a failure means it cannot start here. */
export const READY = 'ready';
