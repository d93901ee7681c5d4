import { LoaderCircle, Plus } from 'lucide-react';
import type { ScorecardView } from '../../../../shared/contract';
import type { ClientError } from '../../client';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { Label } from '../../components/ui/label';
import { cn } from '../../lib/utils';

interface ScorecardListPaneProps {
  readonly scorecards: readonly ScorecardView[] | null;
  readonly error: ClientError | null;
  readonly selected: string | null;
  readonly archived: boolean;
  readonly onArchivedChange: (archived: boolean) => void;
  readonly onSelect: (id: string) => void;
  readonly onNew: () => void;
}

/** The left pane: New, the archived toggle, and every scorecard at its latest version. */
export function ScorecardListPane(props: ScorecardListPaneProps) {
  return (
    <aside className="flex h-full w-72 shrink-0 flex-col border-r bg-card/40">
      <div className="flex h-12 shrink-0 items-center justify-between gap-2 px-3">
        <div className="flex items-baseline gap-2">
          <h1 className="text-sm font-semibold tracking-tight">Scorecards</h1>
          {props.scorecards ? (
            <span className="text-xs text-muted-foreground" data-testid="scorecard-count">
              {props.scorecards.length}
            </span>
          ) : null}
        </div>
        <Button size="xs" data-testid="new-scorecard" onClick={props.onNew}>
          <Plus />
          New
        </Button>
      </div>
      <div className="flex items-center gap-2 px-3 pb-2">
        <Checkbox
          id="scorecards-archived"
          checked={props.archived}
          onCheckedChange={(checked) => props.onArchivedChange(checked === true)}
        />
        <Label htmlFor="scorecards-archived" className="text-xs font-normal">
          Show archived
        </Label>
      </div>
      <ul
        className="flex flex-1 flex-col gap-px overflow-y-auto p-1.5"
        data-testid="scorecard-list"
      >
        {props.scorecards?.map((card) => (
          <li key={card.id} data-testid={`scorecard-item-${card.name}`}>
            <button
              type="button"
              aria-current={card.id === props.selected ? 'true' : undefined}
              onClick={() => props.onSelect(card.id)}
              className={cn(
                'flex w-full flex-col gap-0.5 rounded-md px-2 py-1.5 text-left hover:bg-accent',
                card.id === props.selected && 'bg-accent',
                card.archived && 'opacity-60',
              )}
            >
              <span className="truncate text-[13px] font-medium">{card.name}</span>
              <span className="text-[11px] text-muted-foreground" data-testid="scorecard-summary">
                {`${card.body.items.length} ${card.body.items.length === 1 ? 'grader' : 'graders'} · pass at ${card.body.passThreshold} · v${card.version}`}
                {card.archived ? ' · archived' : ''}
              </span>
            </button>
          </li>
        ))}
        {props.error && !props.scorecards ? (
          <li className="px-3 py-4 text-xs text-destructive">{props.error.toString()}</li>
        ) : !props.scorecards ? (
          <li className="flex items-center gap-2 px-3 py-4 text-xs text-muted-foreground">
            <LoaderCircle className="size-3.5 animate-spin" />
            Loading scorecards…
          </li>
        ) : props.scorecards.length === 0 ? (
          <li
            className="px-3 py-4 text-xs text-muted-foreground"
            data-testid="scorecard-list-empty"
          >
            No scorecards yet: create one from your graders.
          </li>
        ) : null}
      </ul>
    </aside>
  );
}
