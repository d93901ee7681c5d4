import { GitCompareArrows, Grid3x3, Plus } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/utils';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '../../components/ui/select';
import { evalHref, goTo } from './eval-route';
import { useDatasetNames } from './use-datasets';
import { WriteGuard } from '../../auth/write-guard';

interface RunsToolbarProps {
  dataset: string | null;
  pickedCount: number;
  /** The most runs one can pick (a baseline and its candidates). */
  maxPicked: number;
  /** The first run picked, the comparison's baseline. */
  baselineName: string | null;
  /** The last pick went past maxPicked and was refused. */
  refused: boolean;
  onNewRun: () => void;
  onCompare: () => void;
  onMatrix: () => void;
}

/** Radix Select has no empty value: this one stands for "no dataset filter". */
const ALL = '\u0000all';

/** What the picked runs come to, or what is missing or refused. */
function pickedText(count: number, max: number, baseline: string | null, refused: boolean) {
  if (refused) return `At most ${max} runs: unpick one to pick another`;
  if (count < 2) return `Pick ${2 - count} more to compare`;
  const candidates = count - 1;
  return `${count} runs picked: ${baseline ?? 'the first'} is the baseline, ${candidates} candidate${candidates === 1 ? '' : 's'}`;
}

/**
 * New run, the dataset filter (with its matrix), and what to do with the picked runs: compare
 * the first picked (the baseline) with the others, or lay them side by side in a matrix.
 */
export function RunsToolbar({
  dataset,
  pickedCount,
  maxPicked,
  baselineName,
  refused,
  onNewRun,
  onCompare,
  onMatrix,
}: RunsToolbarProps) {
  const names = useDatasetNames();
  const options = dataset && !names.includes(dataset) ? [...names, dataset] : names;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <WriteGuard what="eval runs">
        {(blocked) => (
          <Button size="sm" data-testid="new-run" disabled={blocked} onClick={onNewRun}>
            <Plus />
            New run
          </Button>
        )}
      </WriteGuard>
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
        <span
          role="status"
          className={cn('text-xs', refused ? 'text-destructive' : 'text-muted-foreground')}
          data-testid="compare-picked"
          data-refused={refused || undefined}
        >
          {pickedText(pickedCount, maxPicked, baselineName, refused)}
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
          disabled={pickedCount < 2}
          title={`The first picked run against the others (up to ${maxPicked} runs)`}
          onClick={onCompare}
        >
          <GitCompareArrows />
          {pickedCount >= 2 ? `Compare ${pickedCount} runs` : 'Compare'}
        </Button>
      </div>
    </div>
  );
}
