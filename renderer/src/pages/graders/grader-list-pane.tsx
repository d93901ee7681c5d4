import { LoaderCircle, Plus } from 'lucide-react';
import type { GraderView } from '../../../../shared/contract';
import type { ClientError } from '../../client';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { Label } from '../../components/ui/label';
import { cn } from '../../lib/utils';
import { BuiltInBadge, CalibrationBadge, KindBadge } from './grader-badges';
import { scoreConfigText } from './score-config-text';
import { useCalibrationFlags } from './use-calibration-flags';

interface GraderListPaneProps {
  readonly graders: readonly GraderView[] | null;
  readonly error: ClientError | null;
  readonly selected: string | null;
  readonly archived: boolean;
  readonly onArchivedChange: (archived: boolean) => void;
  readonly onSelect: (id: string) => void;
  readonly onNew: () => void;
}

function GraderItem({
  grader,
  selected,
  onSelect,
}: {
  grader: GraderView;
  selected: boolean;
  onSelect: () => void;
}) {
  const flags = useCalibrationFlags();
  return (
    <li data-testid={`grader-item-${grader.name}`}>
      <button
        type="button"
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
        className={cn(
          'flex w-full flex-col gap-1 rounded-md px-2 py-1.5 text-left transition-colors',
          'hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:outline-none',
          selected && 'bg-accent',
          grader.archived && 'opacity-60',
        )}
      >
        <div className="flex min-w-0 items-center gap-1.5">
          <span className="truncate text-[13px] font-medium" title={grader.name}>
            {grader.name}
          </span>
          <span className="ml-auto flex shrink-0 gap-1">
            <CalibrationBadge flag={flags.get(grader.id)} />
            <KindBadge kind={grader.kind} />
          </span>
        </div>
        <div className="flex min-w-0 flex-wrap items-center gap-1 text-[11px] text-muted-foreground">
          <span data-testid="grader-config">{scoreConfigText(grader.latest.scoreConfig)}</span>
          <span>· v{grader.latest.version}</span>
          {grader.builtIn ? <BuiltInBadge /> : null}
          {grader.archived ? <span data-testid="grader-archived">· archived</span> : null}
        </div>
      </button>
    </li>
  );
}

/** The left pane: New, the archived toggle and every grader (built-ins first, as seeded). */
export function GraderListPane(props: GraderListPaneProps) {
  return (
    <aside className="flex h-full w-80 shrink-0 flex-col border-r bg-card/40">
      <div className="flex h-12 shrink-0 items-center justify-between gap-2 px-3">
        <div className="flex items-baseline gap-2">
          <h1 className="text-sm font-semibold tracking-tight">Graders</h1>
          {props.graders ? (
            <span className="text-xs text-muted-foreground" data-testid="grader-count">
              {props.graders.length}
            </span>
          ) : null}
        </div>
        <Button size="xs" data-testid="new-grader" onClick={props.onNew}>
          <Plus />
          New
        </Button>
      </div>
      <div className="flex items-center gap-2 px-3 pb-2">
        <Checkbox
          id="graders-archived"
          data-testid="graders-show-archived"
          checked={props.archived}
          onCheckedChange={(checked) => props.onArchivedChange(checked === true)}
        />
        <Label htmlFor="graders-archived" className="text-xs font-normal">
          Show archived
        </Label>
      </div>
      <ul className="flex flex-1 flex-col gap-px overflow-y-auto p-1.5" data-testid="grader-list">
        {props.graders?.map((grader) => (
          <GraderItem
            key={grader.id}
            grader={grader}
            selected={grader.id === props.selected}
            onSelect={() => props.onSelect(grader.id)}
          />
        ))}
        {props.error && !props.graders ? (
          <li className="px-3 py-4 text-xs text-destructive">{props.error.toString()}</li>
        ) : !props.graders ? (
          <li className="flex items-center gap-2 px-3 py-4 text-xs text-muted-foreground">
            <LoaderCircle className="size-3.5 animate-spin" />
            Loading graders…
          </li>
        ) : null}
      </ul>
    </aside>
  );
}
