import { GitCompareArrows, Grid3x3, Plus } from 'lucide-react';
import { Button } from '../../components/ui/button';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '../../components/ui/select';
import { evalHref, goTo } from './eval-route';
import { useDatasetNames } from './use-datasets';

interface RunsToolbarProps {
  dataset: string | null;
  pickedCount: number;
  onNewRun: () => void;
  onCompare: () => void;
  onMatrix: () => void;
}

/** Radix Select has no empty value: this one stands for "no dataset filter". */
const ALL = '\u0000all';

/**
 * New run, the dataset filter (with its matrix), and what to do with the picked runs: compare
 * two, or lay two or more side by side in a matrix.
 */
export function RunsToolbar({
  dataset,
  pickedCount,
  onNewRun,
  onCompare,
  onMatrix,
}: RunsToolbarProps) {
  const names = useDatasetNames();
  const options = dataset && !names.includes(dataset) ? [...names, dataset] : names;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" data-testid="new-run" onClick={onNewRun}>
        <Plus />
        New run
      </Button>
      <Select
        value={dataset ?? ALL}
        onValueChange={(value) => goTo(evalHref.list(value === ALL ? null : value))}
      >
        <SelectTrigger aria-label="Dataset" data-testid="runs-dataset-filter" className="w-56">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL} data-testid="runs-dataset-all">
            All datasets
          </SelectItem>
          {options.map((name) => (
            <SelectItem key={name} value={name} data-testid={`runs-dataset-${name}`}>
              {name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Button
        size="sm"
        variant="outline"
        data-testid="open-matrix"
        disabled={!dataset}
        title={
          dataset
            ? 'Cases × prompts and models of this dataset'
            : 'Filter by a dataset to see its matrix'
        }
        onClick={() => dataset && goTo(evalHref.datasetMatrix(dataset))}
      >
        <Grid3x3 />
        Matrix
      </Button>
      <div className="ml-auto flex items-center gap-2">
        <span className="text-xs text-muted-foreground" data-testid="compare-picked">
          {pickedCount >= 2
            ? `${pickedCount} runs picked`
            : `Pick ${2 - pickedCount} more to compare`}
        </span>
        <Button
          size="sm"
          variant="outline"
          data-testid="matrix-selected"
          disabled={pickedCount < 2}
          title="The picked runs side by side, case by case"
          onClick={onMatrix}
        >
          <Grid3x3 />
          Matrix of picked
        </Button>
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
