import { FlaskConical } from 'lucide-react';
import type { DatasetSummary } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { INTERACTION_LABELS } from './interaction-types';

const count = new Intl.NumberFormat('en-US');

/** The selected dataset's name, type, size and tags, with a shortcut to run it. */
export function DatasetHeader({ name, summary }: { name: string; summary: DatasetSummary | null }) {
  return (
    <header className="flex items-start justify-between gap-4 border-b px-6 py-4">
      <div className="flex min-w-0 flex-col gap-1">
        <h2 className="truncate font-mono text-base font-semibold" data-testid="dataset-title">
          {name}
        </h2>
        {summary ? (
          <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
            <Badge variant="outline">{INTERACTION_LABELS[summary.interactionType]}</Badge>
            <span data-testid="dataset-detail-count">{`${count.format(summary.caseCount)} ${summary.caseCount === 1 ? 'case' : 'cases'}`}</span>
            {summary.tags.map((tag) => (
              <Badge key={tag}>{tag}</Badge>
            ))}
            {summary.description ? <span className="truncate">· {summary.description}</span> : null}
          </div>
        ) : null}
      </div>
      <Button asChild variant="outline" size="sm">
        <a href={`#/evals/list?dataset=${encodeURIComponent(name)}`} data-testid="dataset-run-eval">
          <FlaskConical />
          Evals
        </a>
      </Button>
    </header>
  );
}
