import { GitCompareArrows, Grid3x3, Plus } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { NativeSelect } from '../../components/ui/native-select';
import { evalHref, goTo } from './eval-route';
import { useDatasetNames } from './use-datasets';

interface RunsToolbarProps {
  dataset: string | null;
  pickedCount: number;
  onNewRun: () => void;
  onCompare: () => void;
}

/** New run, the dataset filter (with its matrix) and comparing the two picked runs. */
export function RunsToolbar({ dataset, pickedCount, onNewRun, onCompare }: RunsToolbarProps) {
  const names = useDatasetNames();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" data-testid="new-run" onClick={onNewRun}>
        <Plus />
        New run
      </Button>
      <NativeSelect
        aria-label="Dataset"
        data-testid="runs-dataset-filter"
        className="h-8 w-56"
        value={dataset ?? ''}
        onChange={(e) => goTo(evalHref.list(e.target.value || null))}
      >
        <option value="">All datasets</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        {dataset && !names.includes(dataset) ? <option value={dataset}>{dataset}</option> : null}
      </NativeSelect>
      <Button
        size="sm"
        variant="outline"
        data-testid="open-matrix"
        disabled={!dataset}
        title={
          dataset ? 'Prompts × models of this dataset' : 'Filter by a dataset to see its matrix'
        }
        onClick={() => dataset && goTo(evalHref.datasetMatrix(dataset))}
      >
        <Grid3x3 />
        Matrix
      </Button>
      <div className="ml-auto flex items-center gap-2">
        <span className="text-xs text-muted-foreground" data-testid="compare-picked">
          {pickedCount === 2 ? '2 runs picked' : `Pick ${2 - pickedCount} more to compare`}
        </span>
        <Button
          size="sm"
          variant="outline"
          data-testid="compare-selected"
          disabled={pickedCount !== 2}
          onClick={onCompare}
        >
          <GitCompareArrows />
          Compare
        </Button>
      </div>
    </div>
  );
}
