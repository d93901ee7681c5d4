import { CircleStop, LoaderCircle, RotateCw, Square, X } from 'lucide-react';
import type { PromptConfig, ProviderId } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import { ColumnTargetFields } from './column-config';
import { ColumnParams, summaryOf } from './column-params';
import { ColumnOutputView } from './column-output-view';
import { ColumnStats } from './column-stats';
import type { ModelSuggestion } from './use-model-catalog';
import type { ColumnPatch } from './use-columns';
import type { ColumnConfig, ColumnOutput } from './types';

/** Stable callbacks (by column id), so a memoized column ignores unrelated page renders. */
export interface ColumnActions {
  onChange: (id: string, patch: ColumnPatch) => void;
  onRemove: (id: string) => void;
  onRerun: (id: string) => void;
  onStop: (id: string) => void;
  onWantModels: (provider: ProviderId) => void;
}

export interface ModelColumnProps {
  index: number;
  column: ColumnConfig;
  output: ColumnOutput;
  /** A run is being prepared or already running elsewhere on the page. */
  locked: boolean;
  canRemove: boolean;
  /** The linked version's saved config, which the column's parameters default to. */
  config: PromptConfig | undefined;
  suggestions: readonly ModelSuggestion[];
  /** Null for a history entry: nothing can be changed or run. */
  actions: ColumnActions | null;
}

function RunControls({ index, column, output, locked, actions }: ModelColumnProps) {
  const running = output.status === 'running';
  return (
    <>
      {running ? (
        <LoaderCircle
          className="size-3.5 animate-spin text-muted-foreground"
          data-testid={`column-running-${index}`}
          aria-label="Running"
        />
      ) : null}
      {actions && running ? (
        <Button
          variant="outline"
          size="xs"
          data-testid={`stop-column-${index}`}
          onClick={() => actions.onStop(column.id)}
        >
          <Square className="size-3" />
          Stop
        </Button>
      ) : null}
      {actions && !running ? (
        <Button
          variant="ghost"
          size="xs"
          data-testid={`rerun-column-${index}`}
          disabled={locked}
          title="Run this column again; the others keep their output"
          onClick={() => actions.onRerun(column.id)}
        >
          <RotateCw className="size-3" />
          Re-run
        </Button>
      ) : null}
    </>
  );
}

function Header(props: ModelColumnProps) {
  const { index, column, output, canRemove, config, suggestions, actions } = props;
  const running = output.status === 'running';
  const badge = (
    <span className="flex size-5 shrink-0 items-center justify-center rounded bg-muted font-mono text-[10px] text-muted-foreground">
      {index + 1}
    </span>
  );
  if (!actions) {
    return (
      <div className="flex flex-col gap-1.5">
        <div className="flex min-h-7 items-center gap-1.5">
          {badge}
          <span className="min-w-0 truncate text-xs">
            <span className="font-medium">{PROVIDER_LABELS[column.provider]}</span>{' '}
            <span className="font-mono">{column.model}</span>
          </span>
        </div>
        <span className="font-mono text-[11px] text-muted-foreground">
          {summaryOf(column, config)}
        </span>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center gap-1.5">
        {badge}
        <ColumnTargetFields
          index={index}
          column={column}
          suggestions={suggestions}
          disabled={running}
          onChange={actions.onChange}
          onWantModels={actions.onWantModels}
        />
        <Button
          variant="ghost"
          size="icon"
          className="size-7 text-muted-foreground"
          aria-label={`Remove column ${index + 1}`}
          data-testid={`remove-column-${index}`}
          disabled={!canRemove || running}
          onClick={() => actions.onRemove(column.id)}
        >
          <X className="size-3.5" />
        </Button>
      </div>
      <ColumnParams
        index={index}
        column={column}
        config={config}
        disabled={running}
        onChange={(patch) => actions.onChange(column.id, patch)}
        trailing={<RunControls {...props} />}
      />
    </div>
  );
}

/** One model side by side with the others: its settings, streamed output and call stats. */
export function ModelColumn(props: ModelColumnProps) {
  const { index, output } = props;
  return (
    <Card
      className="min-w-0 overflow-hidden"
      data-testid={`playground-column-${index}`}
      data-status={output.status}
    >
      <div className="border-b px-3 py-2">
        <Header {...props} />
      </div>
      <ColumnOutputView index={index} output={output} />
      {output.status === 'error' && output.error ? (
        <p
          className="mx-3 mb-2 rounded-md border border-destructive/30 bg-destructive/10 px-2 py-1.5 font-mono text-[11px] break-words text-destructive"
          data-testid={`column-error-${index}`}
          role="alert"
        >
          {`${output.error.code}: ${output.error.message}`}
        </p>
      ) : null}
      {output.status === 'cancelled' ? (
        <p
          className="mx-3 mb-2 flex items-center gap-1.5 text-[11px] text-muted-foreground"
          data-testid={`column-stopped-${index}`}
        >
          <CircleStop className="size-3" />
          Stopped
        </p>
      ) : null}
      {output.result ? <ColumnStats index={index} result={output.result} /> : null}
    </Card>
  );
}
