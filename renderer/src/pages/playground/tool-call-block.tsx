import { Wrench } from 'lucide-react';
import type { ToolCallView } from './types';

function pretty(args: string): string {
  if (args.trim() === '') return '';
  try {
    return JSON.stringify(JSON.parse(args) as unknown, null, 2);
  } catch {
    // Still streaming (or not JSON): show it as it is.
    return args;
  }
}

export function ToolCallBlock({ call, testId }: { call: ToolCallView; testId: string }) {
  return (
    <div className="rounded-md border bg-muted/40 text-xs" data-testid={testId}>
      <div className="flex items-center gap-1.5 border-b px-2 py-1 font-medium">
        <Wrench className="size-3 text-muted-foreground" />
        <span className="font-mono">{call.name || 'tool call'}</span>
        {call.id ? (
          <span className="truncate font-mono text-[10px] text-muted-foreground">{call.id}</span>
        ) : null}
      </div>
      <pre className="px-2 py-1.5 font-mono text-[11px] break-words whitespace-pre-wrap">
        {pretty(call.arguments) || '{}'}
      </pre>
    </div>
  );
}
