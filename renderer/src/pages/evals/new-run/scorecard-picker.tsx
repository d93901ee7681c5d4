import { useEffect, type ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { SelectItem } from '../../../components/ui/select';
import { useChannelQuery } from '../../../query/channel-query';
import type { RunFormValues } from './run-form-schema';
import { SelectField } from './select-field';

/** Radix Select items cannot have an empty value: "no scorecard" has a name of its own. */
const NONE = 'none';

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/**
 * The scorecard every case is also graded with (its latest version, pinned when the run starts),
 * or none. Archived scorecards are not offered; one remembered from an earlier run that is gone
 * since falls back to none.
 */
export function ScorecardPicker({ open, children }: { open: boolean; children?: ReactNode }) {
  const list = useChannelQuery('scorecards.list', open ? {} : null);
  const scorecards = list.data?.scorecards;
  const { control, setValue } = useFormContext<RunFormValues>();
  const value = useWatch({ control, name: 'scorecard' });
  useEffect(() => {
    if (scorecards && value !== '' && !scorecards.some((c) => c.id === value))
      setValue('scorecard', '', { shouldDirty: true });
  }, [scorecards, value, setValue]);
  const picked = scorecards?.find((c) => c.id === value);
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <SelectField
        name="scorecard"
        label="Scorecard"
        testId="run-scorecard"
        emptyAs={NONE}
        placeholder={scorecards ? 'None' : 'Loading scorecards…'}
      >
        <SelectItem value={NONE}>None</SelectItem>
        {(scorecards ?? []).map((c) => (
          <SelectItem key={c.id} value={c.id} data-testid={`run-scorecard-${c.name}`}>
            {`${c.name} · v${c.version}`}
          </SelectItem>
        ))}
      </SelectField>
      <p className="text-xs text-muted-foreground" data-testid="run-scorecard-hint">
        {picked
          ? `${picked.body.items.length} grader${picked.body.items.length === 1 ? '' : 's'}, passes at ${pct(picked.body.passThreshold)}: a case passes only when its matchers and the scorecard pass`
          : 'Optional: a scorecard also grades every case, after its matchers'}
      </p>
      {children}
    </div>
  );
}
