import { ArrowLeft, Grid3x3 } from 'lucide-react';
import type { RunView } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { evalHref } from './eval-route';
import { targetOf } from './format';

/** The run's name and what it ran: dataset, prompt version, model and settings. */
export function RunHeader({ run }: { run: RunView }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="flex min-w-0 flex-col gap-1.5">
        <a
          href={`#${evalHref.list(run.dataset)}`}
          className="flex items-center gap-1 text-xs text-muted-foreground hover:text-foreground"
        >
          <ArrowLeft className="size-3" />
          Runs
        </a>
        <h2 className="truncate text-base font-semibold" data-testid="run-name">
          {run.name}
        </h2>
        <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
          {run.dataset ? (
            <a
              href={`#/datasets/${encodeURIComponent(run.dataset)}`}
              className="font-mono hover:underline"
            >
              {run.dataset}
            </a>
          ) : null}
          <Badge variant="outline" className="font-mono" data-testid="run-prompt-label">
            {run.prompt}
          </Badge>
          <Badge variant="outline" className="font-mono" data-testid="run-target">
            {targetOf(run)}
          </Badge>
          <span>{`${run.interactionType} · concurrency ${run.concurrency} · ${run.repeat}× each case`}</span>
          <span
            title={run.id}
          >{`started ${new Date(run.startedAt ?? run.createdAt).toLocaleString()}`}</span>
        </div>
      </div>
      <Button asChild variant="outline" size="sm">
        <a href={`#${evalHref.group(run.groupId)}`} data-testid="open-group-matrix">
          <Grid3x3 />
          Group matrix
        </a>
      </Button>
    </div>
  );
}
