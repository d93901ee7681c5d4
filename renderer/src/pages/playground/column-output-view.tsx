import { useLayoutEffect, useRef } from 'react';
import { ToolCallBlock } from './tool-call-block';
import type { ColumnOutput } from './types';

/** Within this many pixels of the bottom counts as following the stream. */
const STICK_PX = 24;

function placeholderOf(output: ColumnOutput): string {
  if (output.status === 'running') return 'Waiting for the first token…';
  if (output.status === 'idle') return 'Run to see this model’s output.';
  if (output.status === 'cancelled') return 'Stopped before any output.';
  if (output.status === 'error') return 'No output.';
  return 'The model returned no text.';
}

/** The streamed text in monospace, scrolling on its own and following new tokens. */
export function ColumnOutputView({ index, output }: { index: number; output: ColumnOutput }) {
  const box = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const { text, toolCalls } = output;

  useLayoutEffect(() => {
    const el = box.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [text, toolCalls]);

  const empty = text === '' && toolCalls.length === 0;
  return (
    <div
      ref={box}
      onScroll={(event) => {
        const el = event.currentTarget;
        following.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
      }}
      className="flex max-h-[32rem] min-h-40 flex-1 flex-col gap-2 overflow-y-auto px-3 py-2.5"
    >
      {empty ? (
        <p className="text-xs text-muted-foreground italic">{placeholderOf(output)}</p>
      ) : null}
      <div
        data-testid={`column-output-${index}`}
        data-status={output.status}
        className="font-mono text-xs leading-relaxed break-words whitespace-pre-wrap"
      >
        {text}
        {output.status === 'running' && !empty ? (
          <span
            aria-hidden
            className="ml-px inline-block h-3 w-1.5 animate-pulse bg-foreground/60 align-middle"
          />
        ) : null}
      </div>
      {toolCalls.map((call) => (
        <ToolCallBlock
          key={call.index}
          call={call}
          testId={`column-tool-call-${index}-${call.index}`}
        />
      ))}
    </div>
  );
}
