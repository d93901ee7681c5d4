import { FlaskConical, Pencil, Trash2 } from 'lucide-react';
import type { DatasetSummary } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { INTERACTION_LABELS } from './interaction-types';
import { fmtCount } from '../../lib/format';

interface DatasetHeaderProps {
  name: string;
  summary: DatasetSummary | null;
  onEdit: () => void;
  onDelete: () => void;
  deleting: boolean;
}

/** The selected dataset's name, type, size and tags, with edit, delete and a shortcut to run it. */
export function DatasetHeader({ name, summary, onEdit, onDelete, deleting }: DatasetHeaderProps) {
  return (
    <header className="flex items-start justify-between gap-4 border-b px-6 py-4">
      <div className="flex min-w-0 flex-col gap-1">
        <h2 className="truncate font-mono text-base font-semibold" data-testid="dataset-title">
          {name}
        </h2>
        {summary ? (
          <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
            <Badge variant="outline">{INTERACTION_LABELS[summary.interactionType]}</Badge>
            <span data-testid="dataset-detail-count">{`${fmtCount(summary.caseCount)} ${summary.caseCount === 1 ? 'case' : 'cases'}`}</span>
            {summary.tags.map((tag) => (
              <Badge key={tag}>{tag}</Badge>
            ))}
            {summary.description ? (
              <span className="truncate" data-testid="dataset-description">
                · {summary.description}
              </span>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="flex shrink-0 items-center gap-2">
        <Button
          variant="ghost"
          size="sm"
          data-testid="dataset-edit"
          disabled={!summary}
          onClick={onEdit}
        >
          <Pencil />
          Edit
        </Button>
        <Button
          variant="ghost"
          size="sm"
          data-testid="dataset-delete"
          disabled={!summary || deleting}
          onClick={onDelete}
        >
          <Trash2 />
          Delete
        </Button>
        <Button asChild variant="outline" size="sm">
          <a
            href={`#/evals/list?dataset=${encodeURIComponent(name)}`}
            data-testid="dataset-run-eval"
          >
            <FlaskConical />
            Evals
          </a>
        </Button>
      </div>
    </header>
  );
}
