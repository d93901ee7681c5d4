import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { PRESETS, presetRange } from './dashboard-route';

interface DayRange {
  readonly from: string;
  readonly to: string;
}

/**
 * The range of a dashboard over UTC days: quick ranges (the last 7, 30, 90 days) and a typed
 * one, applied as a whole (from and to together), so a half-typed date asks nothing. Test ids
 * and input ids start with `name` (`dashboard-preset-7`, `dashboard-from`).
 */
export function DayRangeControls({
  name,
  range,
  onRange,
}: {
  name: string;
  range: DayRange;
  onRange: (range: DayRange) => void;
}) {
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  return (
    <>
      <div className="flex gap-1">
        {PRESETS.map((days) => {
          const preset = presetRange(days);
          const active = preset.from === range.from && preset.to === range.to;
          return (
            <Button
              key={days}
              size="sm"
              variant={active ? 'default' : 'outline'}
              data-testid={`${name}-preset-${days}`}
              aria-pressed={active}
              onClick={() => onRange(preset)}
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
          onRange({ from, to });
        }}
      >
        {(
          [
            ['from', 'From', from, setFrom],
            ['to', 'To', to, setTo],
          ] as const
        ).map(([end, label, value, set]) => (
          <div key={end} className="grid gap-1">
            <Label htmlFor={`${name}-${end}`} className="text-xs">
              {label}
            </Label>
            <Input
              id={`${name}-${end}`}
              type="date"
              className="h-8"
              data-testid={`${name}-${end}`}
              value={value}
              onChange={(e) => set(e.target.value)}
            />
          </div>
        ))}
        <Button type="submit" size="sm" variant="outline" data-testid={`${name}-apply-range`}>
          Apply
        </Button>
      </form>
    </>
  );
}
