import { History, RotateCw } from 'lucide-react';
import { useState } from 'react';
import type { PlaygroundRunView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import {
  Sheet,
  SheetContent,
  SheetDescription,
  SheetTitle,
  SheetTrigger,
} from '../../components/ui/sheet';
import type { ClientError } from '../../client';
import { cn } from '../../lib/utils';
import { sourceOfRun, timeOfRun, totalCostOfRun } from './run-summary';

interface HistoryPanelProps {
  runs: readonly PlaygroundRunView[] | null;
  error: ClientError | null;
  selectedId: string | null;
  onReload: () => void;
  onSelect: (run: PlaygroundRunView) => void;
}

function RunItem({
  run,
  selected,
  onSelect,
}: {
  run: PlaygroundRunView;
  selected: boolean;
  onSelect: () => void;
}) {
  const failed = run.columns.filter((c) => c.status === 'error').length;
  const stopped = run.columns.filter((c) => c.status === 'cancelled').length;
  return (
    <button
      type="button"
      data-testid={`history-run-${run.id}`}
      aria-current={selected || undefined}
      title={`${sourceOfRun(run)} · ${totalCostOfRun(run)}`}
      onClick={onSelect}
      className={cn(
        'flex w-full flex-col gap-0.5 rounded-md px-2 py-1.5 text-left text-xs transition-colors hover:bg-accent',
        selected && 'bg-accent',
      )}
    >
      <span className="flex items-center justify-between gap-2">
        <span className="truncate font-medium">{sourceOfRun(run)}</span>
        <span className="shrink-0 font-mono text-[11px] text-muted-foreground">
          {totalCostOfRun(run)}
        </span>
      </span>
      <span className="truncate font-mono text-[11px] text-muted-foreground">
        {run.columns.map((c) => c.target.model).join(', ')}
      </span>
      <span className="flex items-center gap-2 text-[10px] text-muted-foreground">
        {timeOfRun(run)}
        {failed > 0 ? <span className="text-destructive">{`${failed} failed`}</span> : null}
        {stopped > 0 ? <span>{`${stopped} stopped`}</span> : null}
      </span>
    </button>
  );
}

/**
 * Recent runs, newest first, in a sheet (the columns keep the page's width); picking one
 * shows it read-only.
 */
export function HistoryPanel({ runs, error, selectedId, onReload, onSelect }: HistoryPanelProps) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button size="sm" variant="outline" data-testid="playground-history-open">
          <History />
          History
          {runs && runs.length > 0 ? (
            <span className="font-mono text-[10px] text-muted-foreground">{runs.length}</span>
          ) : null}
        </Button>
      </SheetTrigger>
      <SheetContent className="w-80 gap-2 p-3" data-testid="playground-history">
        <div className="flex items-center gap-2 pr-6">
          <SheetTitle>Run history</SheetTitle>
          <Button
            variant="ghost"
            size="xs"
            className="ml-auto px-1"
            aria-label="Reload history"
            onClick={onReload}
          >
            <RotateCw className="size-3" />
          </Button>
        </div>
        <SheetDescription>Recent playground runs; open one to see it as it ran.</SheetDescription>
        <div className="flex flex-col">
          {error ? (
            <p className="px-2 py-1 text-xs text-destructive" data-testid="history-error">
              {error.toString()}
            </p>
          ) : null}
          {runs === null && !error ? (
            <p className="px-2 py-1 text-xs text-muted-foreground">Loading…</p>
          ) : null}
          {runs?.length === 0 ? (
            <p className="px-2 py-1 text-xs text-muted-foreground">
              No runs yet. Run a prompt to see it here.
            </p>
          ) : null}
          {runs?.map((run) => (
            <RunItem
              key={run.id}
              run={run}
              selected={run.id === selectedId}
              onSelect={() => {
                setOpen(false);
                onSelect(run);
              }}
            />
          ))}
        </div>
      </SheetContent>
    </Sheet>
  );
}
