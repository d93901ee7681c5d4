import type { DashboardSplit, ScoreSource } from '../../../../shared/contract';
import { Label } from '../../components/ui/label';
import { OptionSelect } from '../../components/ui/option-select';
import { DayRangeControls } from '../cost-dashboard/day-range-controls';
import { openScorecards, type ScorecardView } from './scorecard-route';

const SPLIT_OPTIONS: { value: DashboardSplit; label: string; testId: string }[] = [
  { value: 'none', label: 'Not split', testId: 'dashboard-split-none' },
  { value: 'prompt_version', label: 'By prompt version', testId: 'dashboard-split-prompt_version' },
  { value: 'model', label: 'By model', testId: 'dashboard-split-model' },
];

const SOURCE_OPTIONS: { value: ScoreSource | ''; label: string }[] = [
  { value: '', label: 'Every source' },
  { value: 'grader', label: 'Graders' },
  { value: 'human', label: 'People' },
  { value: 'api', label: 'Apps' },
];

/**
 * Range (UTC days), split and source; each change goes to the address, which the panel reads.
 * Changing any of them closes an opened point (it may not exist in the new view).
 */
export function DashboardControls({
  view,
  range,
}: {
  view: ScorecardView;
  range: { from: string; to: string };
}) {
  const go = (change: Partial<ScorecardView>) =>
    openScorecards({ ...view, drill: null, ...change });
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="scorecard-dashboard-controls">
      <DayRangeControls name="scorecard" range={range} onRange={go} />
      <div className="grid gap-1">
        <Label className="text-xs">Split</Label>
        <OptionSelect
          className="h-8 w-44"
          aria-label="Split"
          value={view.split}
          onValueChange={(split) => go({ split })}
          options={SPLIT_OPTIONS}
          data-testid="scorecard-split"
        />
      </div>
      <div className="grid gap-1">
        <Label className="text-xs">Source</Label>
        <OptionSelect
          className="h-8 w-40"
          aria-label="Source"
          value={view.source ?? ''}
          onValueChange={(source) => go({ source: source || null })}
          options={SOURCE_OPTIONS}
          data-testid="scorecard-source"
        />
      </div>
    </div>
  );
}
