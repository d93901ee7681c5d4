import { LoaderCircle, Play, Plus, Square } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { MAX_COLUMNS } from './types';

interface RunToolbarProps {
  columnCount: number;
  running: boolean;
  preparing: boolean;
  bypassCache: boolean;
  onBypassCacheChange: (value: boolean) => void;
  onRunAll: () => void;
  onStopAll: () => void;
  onAddColumn: () => void;
  /** The history button, at the row's end. */
  trailing: ReactNode;
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function RunToolbar(props: RunToolbarProps) {
  const { columnCount, running, preparing } = props;
  const full = columnCount >= MAX_COLUMNS;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        size="sm"
        data-testid="run-all"
        disabled={running || preparing}
        onClick={props.onRunAll}
        title={`Run every column (${IS_MAC ? '⌘' : 'Ctrl'}+Enter)`}
      >
        {preparing ? <LoaderCircle className="animate-spin" /> : <Play />}
        Run all
        <kbd className="ml-1 font-sans text-[10px] opacity-60">{IS_MAC ? '⌘↵' : 'Ctrl+↵'}</kbd>
      </Button>
      {running ? (
        <Button size="sm" variant="outline" data-testid="stop-all" onClick={props.onStopAll}>
          <Square className="size-3.5" />
          Stop all
        </Button>
      ) : null}
      <Button
        size="sm"
        variant="outline"
        data-testid="add-column"
        disabled={full}
        title={full ? `At most ${MAX_COLUMNS} models side by side` : 'Add a model column'}
        onClick={props.onAddColumn}
      >
        <Plus />
        Add model
      </Button>
      <span className="text-xs text-muted-foreground">{`${columnCount} of ${MAX_COLUMNS}`}</span>
      <label className="ml-auto flex cursor-pointer items-center gap-1.5 text-xs select-none">
        <Checkbox
          data-testid="bypass-cache"
          checked={props.bypassCache}
          onCheckedChange={(checked) => props.onBypassCacheChange(checked === true)}
        />
        Bypass cache
        <span className="text-muted-foreground">(fresh generations)</span>
      </label>
      {props.trailing}
    </div>
  );
}
