import { History, RotateCw } from 'lucide-react';
import type { PlaygroundRunView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
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

/** Recent runs, newest first; clicking one shows it read-only. */
export function HistoryPanel({ runs, error, selectedId, onReload, onSelect }: HistoryPanelProps) {
  return (
    <aside
      className="flex w-64 shrink-0 flex-col border-l bg-sidebar/40"
      data-testid="playground-history"
      aria-label="Run history"
    >
      <div className="flex h-9 items-center justify-between border-b px-3">
        <span className="flex items-center gap-1.5 text-xs font-semibold">
          <History className="size-3.5 text-muted-foreground" />
          History
        </span>
        <Button
          variant="ghost"
          size="xs"
          className="px-1"
          aria-label="Reload history"
          onClick={onReload}
        >
          <RotateCw className="size-3" />
        </Button>
      </div>
      <div className="flex-1 overflow-y-auto p-1.5">
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
            onSelect={() => onSelect(run)}
          />
        ))}
      </div>
    </aside>
  );
}
