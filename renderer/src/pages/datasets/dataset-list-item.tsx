import type { DatasetSummary } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { fmtCount } from '../../lib/format';
import { cn } from '../../lib/utils';
import { INTERACTION_LABELS } from './interaction-types';

interface DatasetListItemProps {
  dataset: DatasetSummary;
  selected: boolean;
  onSelect: () => void;
}

/** One dataset: its name, case count, interaction type and tags. */
export function DatasetListItem({ dataset, selected, onSelect }: DatasetListItemProps) {
  return (
    <li data-testid={`dataset-item-${dataset.name}`}>
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
        <div className="flex min-w-0 items-center gap-1.5">
          <span className="truncate font-mono text-[13px]" title={dataset.name}>
            {dataset.name}
          </span>
          <Badge variant="outline" className="ml-auto shrink-0" data-testid="dataset-type">
            {INTERACTION_LABELS[dataset.interactionType]}
          </Badge>
        </div>
        <div className="flex min-w-0 flex-wrap items-center gap-1 text-[11px] text-muted-foreground">
          <span data-testid="dataset-case-count">
            {`${fmtCount(dataset.caseCount)} ${dataset.caseCount === 1 ? 'case' : 'cases'}`}
          </span>
          {dataset.tags.map((tag) => (
            <Badge key={tag} variant="secondary">
              {tag}
            </Badge>
          ))}
        </div>
      </button>
    </li>
  );
}
