import { useState } from 'react';
import type { StatsGroupBy } from '../../../../shared/contract/trace-insights';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { OptionSelect } from '../../components/ui/option-select';
import { dashboardHref, PRESETS, presetRange, type DashboardView } from './dashboard-route';

const GROUP_OPTIONS = [
  { value: 'model', label: 'Model', testId: 'dashboard-group-model' },
  { value: 'provider', label: 'Provider', testId: 'dashboard-group-provider' },
  { value: 'prompt', label: 'Prompt version', testId: 'dashboard-group-prompt' },
] as const;

const go = (view: DashboardView) => {
  window.location.hash = dashboardHref(view);
};

/**
 * Range and grouping. Each change is written to the address, which the page reads back; a
 * custom range is applied as a whole (from and to together), so a half-typed date asks nothing.
 */
export function DashboardControls({
  view,
  range,
}: {
  view: DashboardView;
  range: { from: string; to: string };
}) {
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="dashboard-controls">
      <div className="flex gap-1">
        {PRESETS.map((days) => {
          const preset = presetRange(days);
          const active = preset.from === range.from && preset.to === range.to;
          return (
            <Button
              key={days}
              size="sm"
              variant={active ? 'default' : 'outline'}
              data-testid={`dashboard-preset-${days}`}
              aria-pressed={active}
              onClick={() => go({ ...view, ...preset })}
            >
              {days} days
            </Button>
          );
        })}
      </div>
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          go({ ...view, from, to });
        }}
      >
        <div className="grid gap-1">
          <Label htmlFor="dashboard-from" className="text-xs">
            From
          </Label>
          <Input
            id="dashboard-from"
            type="date"
            className="h-8"
            data-testid="dashboard-from"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="dashboard-to" className="text-xs">
            To
          </Label>
          <Input
            id="dashboard-to"
            type="date"
            className="h-8"
            data-testid="dashboard-to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <Button type="submit" size="sm" variant="outline" data-testid="dashboard-apply-range">
          Apply
        </Button>
      </form>
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
