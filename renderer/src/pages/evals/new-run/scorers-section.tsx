import { useState } from 'react';
import type { MatcherTypeView, Preflight } from '../../../../../shared/contract';
import { MatcherEditor } from '../../../components/matchers/matcher-editor';
import { matcherSummary } from '../../../components/matchers/matcher-draft';
import { MatcherPicker } from '../../../components/matchers/matcher-picker';
import { Checkbox } from '../../../components/ui/checkbox';
import { Label } from '../../../components/ui/label';
import type { ScorersDraft } from '../run-form';
import type { ScorerErrors } from './scorer-errors';

interface ScorersSectionProps {
  readonly scorers: ScorersDraft;
  /** The dataset's matchers, as the pre-flight lists them; null before it answered. */
  readonly datasetMatchers: Preflight['datasetMatchers'] | null;
  readonly types: readonly MatcherTypeView[] | null;
  readonly errors: ScorerErrors;
  readonly onChange: (scorers: ScorersDraft) => void;
}

/**
 * What scores the run: the matchers the dataset's cases carry, each of which can be switched
 * off (or all of them), and matchers added for this run, applied to every case, with their
 * options edited as a form.
 */
export function ScorersSection({
  scorers,
  datasetMatchers,
  types,
  errors,
  onChange,
}: ScorersSectionProps) {
  const patch = (next: Partial<ScorersDraft>) => onChange({ ...scorers, ...next });
  // Each added matcher keeps its editor (and its form's state) when one before it is removed.
  const [ids, setIds] = useState<{ list: number[]; next: number }>(() => ({
    list: scorers.add.map((_, i) => i),
    next: scorers.add.length,
  }));
  if (ids.list.length !== scorers.add.length) {
    // Replaced from outside (a restored form): fresh editors for every matcher.
    const list = scorers.add.map((_, i) => ids.next + i);
    setIds({ list, next: ids.next + list.length });
  }
  const skipped = new Set(scorers.skip);
  const toggle = (key: string, on: boolean) =>
    patch({ skip: on ? scorers.skip.filter((k) => k !== key) : [...scorers.skip, key] });
  return (
    <div className="flex flex-col gap-2" data-testid="run-scorers">
      <Label>Scorers</Label>
      <div className="flex flex-col gap-1 rounded-md border px-3 py-2">
        <label className="flex items-center gap-2 text-xs font-medium">
          <Checkbox
            data-testid="run-use-dataset-matchers"
            checked={scorers.useDatasetMatchers}
            onCheckedChange={(on) => patch({ useDatasetMatchers: on === true })}
          />
          {"The dataset's matchers"}
        </label>
        {datasetMatchers === null ? (
          <p className="pl-6 text-xs text-muted-foreground">
            Pick a dataset and a prompt to see them.
          </p>
        ) : datasetMatchers.length === 0 ? (
          <p className="pl-6 text-xs text-muted-foreground" data-testid="run-no-dataset-matchers">
            Its cases carry none: add a matcher below, or every result is unscored.
          </p>
        ) : (
          <ul className="flex flex-col gap-1 pl-6">
            {datasetMatchers.map((m, i) => (
              <li key={m.key}>
                <label className="flex items-center gap-2 text-xs">
                  <Checkbox
                    data-testid={`run-dataset-matcher-${i}`}
                    disabled={!scorers.useDatasetMatchers}
                    checked={scorers.useDatasetMatchers && !skipped.has(m.key)}
                    onCheckedChange={(on) => toggle(m.key, on === true)}
                  />
                  <span className="truncate font-mono" title={JSON.stringify(m.matcher)}>
                    {matcherSummary(m.matcher)}
                  </span>
                  <span className="shrink-0 text-muted-foreground">
                    {`${m.count} case${m.count === 1 ? '' : 's'}`}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
      {types
        ? scorers.add.map((matcher, i) => (
            <MatcherEditor
              key={ids.list[i] ?? `new-${i}`}
              testId={`run-scorer-${i}`}
              types={types}
              value={matcher}
              errors={errors.get(i)}
              onChange={(next) => patch({ add: scorers.add.map((m, j) => (j === i ? next : m)) })}
              onRemove={() => {
                setIds({ ...ids, list: ids.list.filter((_, j) => j !== i) });
                patch({ add: scorers.add.filter((_, j) => j !== i) });
              }}
            />
          ))
        : null}
      {types ? (
        <MatcherPicker
          types={types}
          value={null}
          placeholder="Add a matcher for every case…"
          testId="run-add-scorer"
          onPick={(type) => {
            setIds({ list: [...ids.list, ids.next], next: ids.next + 1 });
            patch({ add: [...scorers.add, { type: type.type }] });
          }}
        />
      ) : null}
    </div>
  );
}
