import { Checkbox } from '../../components/ui/checkbox';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import type { RunForm } from './run-form';

interface RunSettingsRowProps {
  form: RunForm;
  onChange: (patch: Partial<RunForm>) => void;
}

/** How the run goes: concurrency, repeats, and whether it reads and writes the response cache. */
export function RunSettingsRow({ form, onChange }: RunSettingsRowProps) {
  return (
    <div className="flex flex-wrap items-end gap-4">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="run-concurrency">Concurrency</Label>
        <Input
          id="run-concurrency"
          data-testid="run-concurrency"
          type="number"
          min={1}
          max={256}
          className="w-24"
          value={form.concurrency}
          onChange={(e) => onChange({ concurrency: e.target.value })}
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="run-repeat">Repeats</Label>
        <Input
          id="run-repeat"
          data-testid="run-repeat"
          type="number"
          min={1}
          max={20}
          className="w-24"
          value={form.repeat}
          onChange={(e) => onChange({ repeat: e.target.value })}
        />
      </div>
      <label
        className="flex h-8 cursor-pointer items-center gap-1.5 text-xs select-none"
        title="Call the model for every case even when the same request was answered before (the answers are not cached either)"
      >
        <Checkbox
          data-testid="run-bypass-cache"
          checked={form.bypassCache}
          onCheckedChange={(value) => onChange({ bypassCache: value === true })}
        />
        Bypass cache
      </label>
    </div>
  );
}
