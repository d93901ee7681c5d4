import type { ReactNode } from 'react';

/** Preformatted text in a bounded, scrollable box: outputs, messages, JSON. */
export const PRE_BLOCK =
  'max-h-64 overflow-auto rounded-md border bg-muted/40 px-2 py-1.5 font-mono text-xs whitespace-pre-wrap break-words';

/** A small caption over its content, as eval results and spans show their parts. */
export function DetailBlock({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <span className="text-[11px] font-medium text-muted-foreground">{title}</span>
      {children}
    </div>
  );
}
