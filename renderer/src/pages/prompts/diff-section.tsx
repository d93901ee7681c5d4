import { ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '../../components/ui/badge';
import { cn } from '../../lib/utils';
import { InlineDiffText, SplitDiffText } from './diff-text';
import type { PromptDiff } from './use-prompt-diff';

export type DiffMode = 'split' | 'inline';
type Section = PromptDiff['sections'][number];

const CHANGE_BADGE = {
  added: 'success',
  removed: 'destructive',
  changed: 'secondary',
  unchanged: 'outline',
} as const;

const hiddenLines = (text: string) => {
  const lines = text.split('\n').length;
  return `${lines} ${lines === 1 ? 'line' : 'lines'} hidden`;
};

/** One message (or the text, or the config) of a diff; unchanged ones start collapsed. */
export function DiffSectionView({
  section,
  index,
  mode,
}: {
  section: Section;
  index: number;
  mode: DiffMode;
}) {
  const unchanged = section.change === 'unchanged';
  const [open, setOpen] = useState(!unchanged);
  return (
    <li
      className="overflow-hidden rounded-md border bg-card"
      data-testid={`diff-section-${index}`}
      data-change={section.change}
    >
      <button
        type="button"
        aria-expanded={open}
        data-testid={`diff-section-toggle-${index}`}
        onClick={() => setOpen(!open)}
        className={cn(
          'flex w-full items-center gap-2 px-3 py-1.5 text-left text-xs',
          open && 'border-b bg-muted/40',
        )}
      >
        <ChevronRight className={cn('size-3.5 transition-transform', open && 'rotate-90')} />
        <span className="font-medium">{section.title}</span>
        <Badge variant={CHANGE_BADGE[section.change]}>{section.change}</Badge>
        {unchanged && !open ? (
          <span className="truncate text-muted-foreground">{hiddenLines(section.after)}</span>
        ) : null}
      </button>
      {open ? (
        unchanged ? (
          <pre className="px-3 py-2 font-mono text-xs whitespace-pre-wrap text-muted-foreground">
            {section.after}
          </pre>
        ) : mode === 'split' ? (
          <SplitDiffText parts={section.parts} />
        ) : (
          <InlineDiffText parts={section.parts} />
        )
      ) : null}
    </li>
  );
}
