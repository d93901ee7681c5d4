import type { PlaygroundRunView } from '../../../../shared/contract';
import { applyDeltas, type StreamDelta } from './apply-delta';
import { IDLE_OUTPUT, type ColumnError, type ColumnOutput } from './types';

export type RunColumn = PlaygroundRunView['columns'][number];

/** The output a finished column shows, from a run's reply (or a history entry). */
export function outputOfRunColumn(column: RunColumn, streamedText = ''): ColumnOutput {
  const result = column.result;
  // A stop can surface as a CANCELLED error; either way the column says "Stopped".
  const stopped = column.status === 'cancelled' || column.error?.code === 'CANCELLED';
  return {
    status: stopped ? 'cancelled' : column.status,
    // A stopped call may have no result: keep what streamed before the stop.
    text: result?.text ?? streamedText,
    toolCalls: result
      ? result.toolCalls.map((call, index) => ({ index, ...call }))
      : IDLE_OUTPUT.toolCalls,
    result,
    error: column.status === 'error' && !stopped ? column.error : null,
    streamId: null,
  };
}

/**
 * Column outputs outside React state. Deltas are queued and applied once per animation frame,
 * and each column reads only its own snapshot, so a token re-renders one column, not the page.
 */
export class OutputStore {
  private readonly outputs = new Map<string, ColumnOutput>();
  /** Stream id → column id, for columns still running. */
  private readonly streams = new Map<string, string>();
  private readonly pending = new Map<string, StreamDelta[]>();
  private readonly listeners = new Set<() => void>();
  private frame: number | null = null;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly get = (columnId: string): ColumnOutput => this.outputs.get(columnId) ?? IDLE_OUTPUT;

  readonly anyRunning = (): boolean => this.streams.size > 0;

  /** Stream ids of every running column. */
  runningStreams(): string[] {
    return [...this.streams.keys()];
  }

  start(columnId: string, streamId: string): void {
    this.pending.delete(columnId);
    this.streams.set(streamId, columnId);
    this.outputs.set(columnId, { ...IDLE_OUTPUT, status: 'running', streamId });
    this.emit();
  }

  /** Queues a delta; deltas of streams this page did not start (or already closed) are dropped. */
  push(streamId: string, delta: StreamDelta): void {
    const columnId = this.streams.get(streamId);
    if (columnId === undefined) return;
    const queue = this.pending.get(columnId);
    if (queue) queue.push(delta);
    else this.pending.set(columnId, [delta]);
    if (this.frame === null) this.frame = requestAnimationFrame(() => this.flush());
  }

  finish(columnId: string, column: RunColumn): void {
    const streamed = this.closeStream(columnId);
    this.outputs.set(columnId, outputOfRunColumn(column, streamed.text));
    this.emit();
  }

  fail(columnId: string, error: ColumnError): void {
    const streamed = this.closeStream(columnId);
    this.outputs.set(columnId, { ...streamed, status: 'error', error, streamId: null });
    this.emit();
  }

  set(columnId: string, output: ColumnOutput): void {
    this.closeStream(columnId);
    this.outputs.set(columnId, output);
    this.emit();
  }

  remove(columnId: string): void {
    this.closeStream(columnId);
    this.outputs.delete(columnId);
    this.emit();
  }

  /** Applies the column's queued deltas and stops listening to its stream. */
  private closeStream(columnId: string): ColumnOutput {
    this.applyPending(columnId);
    const current = this.get(columnId);
    if (current.streamId !== null) this.streams.delete(current.streamId);
    return current;
  }

  private applyPending(columnId: string): void {
    const queue = this.pending.get(columnId);
    if (!queue) return;
    this.pending.delete(columnId);
    this.outputs.set(columnId, applyDeltas(this.get(columnId), queue));
  }

  private flush(): void {
    this.frame = null;
    if (this.pending.size === 0) return;
    for (const columnId of [...this.pending.keys()]) this.applyPending(columnId);
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
