import type { SpanRecord } from '../span-record';

/** What the span writer's worker is started with: its own connection to the store's file. */
export interface SpanWriterWorkerData {
  readonly file: string;
  readonly nativeBinding: string | null;
  readonly vecExtensionPath: string | null;
  /**
   * The store's instance id: the worker writes only where it reads the same id, so a file
   * replaced or deleted under a running app (a restore, a test's cleanup) is never written
   * apart from the connection the app reads.
   */
  readonly instanceId: string;
}

export interface WriteRequest {
  readonly id: number;
  readonly spans: readonly SpanRecord[];
}

export type WorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed-to-open'; readonly message: string }
  | { readonly kind: 'written'; readonly id: number; readonly inserted: number }
  | {
      readonly kind: 'refused';
      readonly id: number;
      readonly error: {
        readonly code: string | null;
        readonly message: string;
        readonly details?: unknown;
      };
    };
