import { Plus, X } from 'lucide-react';
import type { RunView } from '../../../../../shared/contract';
import { Button } from '../../../components/ui/button';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '../../../components/ui/select';
import { useChannelQuery } from '../../../query/channel-query';
import { MAX_CANDIDATES } from '../eval-route';
import { targetOf } from '../format';

interface RunPickersProps {
  readonly baseline: RunView;
  readonly candidates: readonly RunView[];
  readonly onChange: (baseline: string, candidates: readonly string[]) => void;
}

const runLabel = (run: RunView) => `${run.name} · ${run.prompt} · ${targetOf(run)}`;

/**
 * The runs compared: another baseline, another candidate (up to four), or one fewer, picked
 * among the runs of the baseline's dataset.
 */
export function RunPickers({ baseline, candidates, onChange }: RunPickersProps) {
  const { data } = useChannelQuery(
    'evals.list',
    baseline.dataset ? { dataset: baseline.dataset, limit: 100 } : { limit: 100 },
  );
  const runs = data?.runs ?? [];
  const ids = candidates.map((c) => c.id);
  const others = runs.filter((r) => r.id !== baseline.id && !ids.includes(r.id));
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs" data-testid="compare-pickers">
      <span className="text-muted-foreground">Baseline</span>
      <Select
        value={baseline.id}
        onValueChange={(id) =>
          onChange(
            id,
            ids.filter((c) => c !== id),
          )
        }
      >
        <SelectTrigger className="h-7 w-72 text-xs" data-testid="compare-pick-baseline">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {[baseline, ...runs.filter((r) => r.id !== baseline.id)].map((r) => (
            <SelectItem key={r.id} value={r.id}>
              {runLabel(r)}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      {candidates.length > 1
        ? candidates.map((c, i) => (
            <Button
              key={c.id}
              variant="ghost"
              size="xs"
              data-testid={`compare-remove-${i}`}
              aria-label={`Stop comparing ${c.name}`}
              onClick={() =>
                onChange(
                  baseline.id,
                  ids.filter((id) => id !== c.id),
                )
              }
            >
              <X />
              {`candidate ${i + 1}`}
            </Button>
          ))
        : null}
      {candidates.length < MAX_CANDIDATES && others.length > 0 ? (
        <Select value="" onValueChange={(id) => onChange(baseline.id, [...ids, id])}>
          <SelectTrigger className="h-7 w-56 text-xs" data-testid="compare-add-candidate">
            <Plus className="size-3" />
            <SelectValue placeholder="Add a candidate" />
          </SelectTrigger>
          <SelectContent>
            {others.map((r) => (
              <SelectItem key={r.id} value={r.id} data-testid={`compare-add-${r.id}`}>
                {runLabel(r)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      ) : null}
    </div>
  );
}
