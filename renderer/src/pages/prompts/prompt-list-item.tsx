import { LoaderCircle, RotateCcw } from 'lucide-react';
import type { PromptSummary } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/utils';
import { LabelBadge, visibleLabels } from './label-badge';
import { KIND_SHORT } from './prompt-kinds';

interface PromptListItemProps {
  prompt: PromptSummary;
  selected: boolean;
  onSelect: () => void;
  onRestore: () => void;
  restoring: boolean;
}

export function PromptListItem({
  prompt,
  selected,
  onSelect,
  onRestore,
  restoring,
}: PromptListItemProps) {
  const deleted = prompt.deletedAt !== null;
  const labels = visibleLabels(Object.keys(prompt.labels));
  const body = (
    <>
      <div className="flex min-w-0 items-center gap-1.5">
        <span className="truncate font-mono text-[13px]" title={prompt.name}>
          {prompt.name}
        </span>
        <Badge variant="outline" className="ml-auto shrink-0">
          {KIND_SHORT[prompt.kind]}
        </Badge>
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-1 text-[11px] text-muted-foreground">
        <span className="font-mono" data-testid="item-latest-version">
          {prompt.latestVersion}
        </span>
        {labels.map((label) => (
          <LabelBadge key={label} label={label} />
        ))}
      </div>
    </>
  );

  if (deleted) {
    return (
      <li
        data-testid={`prompt-item-${prompt.name}`}
        data-deleted="true"
        className="flex items-center gap-2 rounded-md px-2 py-1.5 opacity-70"
      >
        <div className="flex min-w-0 flex-1 flex-col gap-1 line-through decoration-muted-foreground/60">
          {body}
        </div>
        <Button
          variant="outline"
          size="xs"
          data-testid="restore-prompt"
          aria-label={`Restore ${prompt.name}`}
          disabled={restoring}
          onClick={onRestore}
        >
          {restoring ? <LoaderCircle className="animate-spin" /> : <RotateCcw />}
          Restore
        </Button>
      </li>
    );
  }

  return (
    <li data-testid={`prompt-item-${prompt.name}`}>
      <button
        type="button"
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
        className={cn(
          'flex w-full flex-col gap-1 rounded-md px-2 py-1.5 text-left transition-colors',
          'hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:outline-none',
          selected && 'bg-accent',
        )}
      >
        {body}
      </button>
    </li>
  );
}
