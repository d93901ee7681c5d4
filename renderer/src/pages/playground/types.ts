import type {
  CallResultView,
  PlaygroundRunView,
  PromptKind,
  PromptSummary,
  PromptVersionView,
} from '../../../../shared/contract';

/** What one column sends: a provider, a model and its sampling parameters. */
export type PlaygroundTarget = PlaygroundRunView['columns'][number]['target'];

/** A column as the editor holds it; `id` is stable across reorders and removals. */
export interface ColumnConfig extends PlaygroundTarget {
  readonly id: string;
}

export type ColumnStatus = 'idle' | 'running' | 'ok' | 'error' | 'cancelled';

export interface ToolCallView {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

export interface ColumnError {
  readonly code: string;
  readonly message: string;
}

/** One column's output: streamed text while running, then the call's result or error. */
export interface ColumnOutput {
  readonly status: ColumnStatus;
  readonly text: string;
  readonly toolCalls: readonly ToolCallView[];
  readonly result: CallResultView | null;
  readonly error: ColumnError | null;
  /** The stream id while running (what llm.cancel needs). */
  readonly streamId: string | null;
}

export const IDLE_OUTPUT: ColumnOutput = {
  status: 'idle',
  text: '',
  toolCalls: [],
  result: null,
  error: null,
  streamId: null,
};

/** A saved prompt and the version being shown; `null` in its place means Scratch. */
export interface PromptSource {
  readonly summary: PromptSummary;
  /** Every version, newest first. */
  readonly versions: readonly PromptVersionView[];
  readonly version: PromptVersionView;
}

export type MessageRole = 'system' | 'user' | 'assistant';

export const MAX_COLUMNS = 6;

/** Kinds stored as one text rather than a message list. */
export function isTextKind(kind: PromptKind): boolean {
  return kind !== 'chat';
}
