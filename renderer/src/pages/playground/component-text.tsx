import { ChevronDown, ChevronRight, Puzzle } from 'lucide-react';
import { useState } from 'react';
import type { ComponentRef } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { useChannelQuery } from '../../query/channel-query';

/** `name@v1.2`, `name@label`, or the bare name (production, else latest). */
function describeRef(ref: ComponentRef): string {
  const pin = ref.version ?? ref.label;
  return pin ? `${ref.prompt}@${pin}` : ref.prompt;
}

/**
 * A referenced component with the text it resolves to (the version it pins, the label it
 * follows, else production, else latest: as the core renders it), open by default so the whole
 * prompt reads top to bottom; it folds away for long system prompts.
 */
export function ComponentText({
  index,
  componentRef,
}: {
  index: number;
  componentRef: ComponentRef;
}) {
  const [open, setOpen] = useState(true);
  const { data, error, isLoading } = useChannelQuery('prompts.get', {
    name: componentRef.prompt,
    ...(componentRef.version ? { version: componentRef.version } : {}),
    ...(componentRef.label ? { label: componentRef.label } : {}),
  });
  const resolved = data && data.prompt.name === componentRef.prompt ? data : null;
  return (
    <div
      className="flex min-w-0 flex-1 flex-col rounded-md border border-dashed text-xs"
      data-testid={`playground-component-${index}`}
    >
      <Button
        type="button"
        variant="ghost"
        size="xs"
        className="h-7 justify-start gap-1.5 px-2 font-normal text-muted-foreground"
        aria-expanded={open}
        data-testid={`playground-component-toggle-${index}`}
        onClick={() => setOpen(!open)}
      >
        {open ? <ChevronDown className="size-3" /> : <ChevronRight className="size-3" />}
        <Puzzle className="size-3.5 shrink-0" />
        Component
        <span className="font-mono text-foreground">{describeRef(componentRef)}</span>
        {resolved ? <span className="font-mono">{`→ ${resolved.version.version}`}</span> : null}
      </Button>
      {open ? (
        <div className="border-t px-2.5 py-1.5">
          {resolved ? (
            <pre
              className="font-mono text-xs leading-relaxed break-words whitespace-pre-wrap text-muted-foreground"
              data-testid={`playground-component-text-${index}`}
            >
              {resolved.version.content.text ?? ''}
            </pre>
          ) : error ? (
            <p className="text-destructive" role="alert">
              {error.toString()}
            </p>
          ) : isLoading ? (
            <p className="text-muted-foreground">Loading…</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
