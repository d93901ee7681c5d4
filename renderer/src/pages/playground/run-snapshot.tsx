import { ArrowLeft, Eye, PencilLine } from 'lucide-react';
import type { PlaygroundRunView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { ColumnsLayout } from './columns-grid';
import { MessageEditor } from './message-editor';
import { ModelColumn } from './model-column';
import { outputOfRunColumn } from './output-store';
import { sourceOfRun, timeOfRun, totalCostOfRun } from './run-summary';
import { VariablesPanel } from './variables-panel';
import { WorkArea } from './work-area';

interface RunSnapshotProps {
  run: PlaygroundRunView;
  onBack: () => void;
  onOpen: (run: PlaygroundRunView) => void;
}

const ignore = () => undefined;

/** A past run exactly as it was sent and answered; nothing here can be changed. */
export function RunSnapshot({ run, onBack, onOpen }: RunSnapshotProps) {
  const specs = Object.keys(run.variables).map((name) => ({
    name,
    defaultValue: undefined,
    description: undefined,
  }));
  return (
    <div className="flex flex-col gap-4" data-testid="history-snapshot" data-run-id={run.id}>
      <div className="flex flex-wrap items-center gap-2 rounded-lg border border-dashed bg-muted/40 px-3 py-2 text-xs">
        <Eye className="size-3.5 text-muted-foreground" />
        <span>
          <span className="font-medium">{sourceOfRun(run)}</span>
          <span className="text-muted-foreground">{` · ${timeOfRun(run)} · ${totalCostOfRun(run)} · read-only`}</span>
        </span>
        <div className="ml-auto flex gap-1.5">
          <Button
            size="xs"
            variant="outline"
            data-testid="history-open"
            onClick={() => onOpen(run)}
          >
            <PencilLine />
            Open in editor
          </Button>
          <Button size="xs" variant="outline" data-testid="history-back" onClick={onBack}>
            <ArrowLeft />
            Back to my draft
          </Button>
        </div>
      </div>
      <WorkArea
        messages={
          <MessageEditor
            messages={run.messages}
            readOnly
            singleText={false}
            onContent={ignore}
            onRole={ignore}
            onRemove={ignore}
            onAdd={ignore}
          />
        }
        variables={
          <VariablesPanel
            specs={specs}
            values={run.variables}
            missing={[]}
            readOnly
            onChange={ignore}
          />
        }
      />
      <ColumnsLayout>
        {run.columns.map((column, index) => (
          <ModelColumn
            key={index}
            index={index}
            column={{ ...column.target, id: `${run.id}:${index}` }}
            output={outputOfRunColumn(column)}
            locked
            canRemove={false}
            config={undefined}
            suggestions={[]}
            actions={null}
          />
        ))}
      </ColumnsLayout>
    </div>
  );
}
