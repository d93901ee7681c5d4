import type { StatsGroupBy } from '../../../../shared/contract/trace-insights';
import { Label } from '../../components/ui/label';
import { OptionSelect } from '../../components/ui/option-select';
import { dashboardHref, type DashboardView } from './dashboard-route';
import { DayRangeControls } from './day-range-controls';

const GROUP_OPTIONS = [
  { value: 'model', label: 'Model', testId: 'dashboard-group-model' },
  { value: 'provider', label: 'Provider', testId: 'dashboard-group-provider' },
  { value: 'prompt', label: 'Prompt version', testId: 'dashboard-group-prompt' },
] as const;

const go = (view: DashboardView) => {
  window.location.hash = dashboardHref(view);
};

/** Range and grouping. Each change is written to the address, which the page reads back. */
export function DashboardControls({
  view,
  range,
}: {
  view: DashboardView;
  range: { from: string; to: string };
}) {
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="dashboard-controls">
      <DayRangeControls name="dashboard" range={range} onRange={(r) => go({ ...view, ...r })} />
      <div className="grid gap-1">
        <Label htmlFor="dashboard-group-by" className="text-xs">
          Group by
        </Label>
        <OptionSelect<StatsGroupBy>
          id="dashboard-group-by"
          className="h-8 w-44"
          data-testid="dashboard-group-by"
          value={view.groupBy}
          options={GROUP_OPTIONS}
          onValueChange={(groupBy) => go({ ...view, groupBy })}
        />
      </div>
    </div>
  );
}
