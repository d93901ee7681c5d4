import { useState } from 'react';
import type { DashboardSplit, ScoreSource } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { OptionSelect } from '../../components/ui/option-select';
import { presetRange } from '../cost-dashboard/dashboard-route';
import { openScorecards, type ScorecardView } from './scorecard-route';

const PRESETS = [7, 30, 90] as const;

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
 * A typed range applies as a whole, so a half-typed date asks nothing. Changing any of them
 * closes an opened point (it may not exist in the new view).
 */
export function DashboardControls({
  view,
  range,
}: {
  view: ScorecardView;
  range: { from: string; to: string };
}) {
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const go = (change: Partial<ScorecardView>) =>
    openScorecards({ ...view, drill: null, ...change });
  return (
    <div className="flex flex-wrap items-end gap-3" data-testid="scorecard-dashboard-controls">
      <div className="flex gap-1">
        {PRESETS.map((days) => {
          const preset = presetRange(days);
          const active = preset.from === range.from && preset.to === range.to;
          return (
            <Button
              key={days}
              size="sm"
              variant={active ? 'default' : 'outline'}
              aria-pressed={active}
              data-testid={`scorecard-preset-${days}`}
              onClick={() => go(preset)}
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
          go({ from, to });
        }}
      >
        {(
          [
            ['from', 'From', from, setFrom],
            ['to', 'To', to, setTo],
          ] as const
        ).map(([name, label, value, set]) => (
          <div key={name} className="grid gap-1">
            <Label htmlFor={`scorecard-${name}`} className="text-xs">
              {label}
            </Label>
            <Input
              id={`scorecard-${name}`}
              type="date"
              className="h-8"
              value={value}
              onChange={(e) => set(e.target.value)}
              data-testid={`scorecard-${name}`}
            />
          </div>
        ))}
        <Button type="submit" size="sm" variant="outline">
          Apply
        </Button>
      </form>
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
