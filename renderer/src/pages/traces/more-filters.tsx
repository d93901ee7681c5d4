import { SlidersHorizontal } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { Label } from '../../components/ui/label';
import { Popover, PopoverContent, PopoverTrigger } from '../../components/ui/popover';
import { CommitInput } from './commit-input';
import type { TraceListView } from './trace-route';

type Change = (next: Partial<TraceListView>) => void;

const numberOrNull = (text: string): number | null => {
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : null;
};
const textOf = (n: number | null) => (n === null ? '' : String(n));

function Field({
  id,
  label,
  value,
  onCommit,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  onCommit: (value: string) => void;
  placeholder?: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`traces-filter-${id}`} className="text-xs">
        {label}
      </Label>
      <CommitInput
        id={`traces-filter-${id}`}
        data-testid={`traces-filter-${id}`}
        className="h-7 text-xs"
        value={value}
        placeholder={placeholder}
        onCommit={onCommit}
      />
    </div>
  );
}

/** The filters that take typed values: cost and latency ranges, tags, user, session, prompt version. */
export function MoreFilters({ view, onChange }: { view: TraceListView; onChange: Change }) {
  const set =
    [
      view.minCost,
      view.maxCost,
      view.minLatency,
      view.maxLatency,
      view.user,
      view.session,
      view.prompt,
    ].filter((v) => v !== null).length + (view.tags.length > 0 ? 1 : 0);
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" data-testid="traces-more-filters">
          <SlidersHorizontal />
          {set > 0 ? `More filters (${set})` : 'More filters'}
        </Button>
      </PopoverTrigger>
      <PopoverContent className="grid w-96 grid-cols-2 gap-3" align="start">
        <Field
          id="min-cost"
          label="Cost at least (USD)"
          value={textOf(view.minCost)}
          onCommit={(v) => onChange({ minCost: numberOrNull(v) })}
          placeholder="0.001"
        />
        <Field
          id="max-cost"
          label="Cost at most (USD)"
          value={textOf(view.maxCost)}
          onCommit={(v) => onChange({ maxCost: numberOrNull(v) })}
        />
        <Field
          id="min-latency"
          label="Latency at least (ms)"
          value={textOf(view.minLatency)}
          onCommit={(v) => onChange({ minLatency: numberOrNull(v) })}
          placeholder="1000"
        />
        <Field
          id="max-latency"
          label="Latency at most (ms)"
          value={textOf(view.maxLatency)}
          onCommit={(v) => onChange({ maxLatency: numberOrNull(v) })}
        />
        <Field
          id="user"
          label="User"
          value={view.user ?? ''}
          onCommit={(v) => onChange({ user: v || null })}
        />
        <Field
          id="session"
          label="Session"
          value={view.session ?? ''}
          onCommit={(v) => onChange({ session: v || null })}
        />
        <Field
          id="tags"
          label="Tags (all of, comma separated)"
          value={view.tags.join(', ')}
          onCommit={(v) =>
            onChange({
              tags: [
                ...new Set(
                  v
                    .split(',')
                    .map((t) => t.trim())
                    .filter((t) => t.length > 0 && t.length <= 64),
                ),
              ].slice(0, 16),
            })
          }
        />
        <Field
          id="prompt"
          label="Prompt version id"
          value={view.prompt ?? ''}
          onCommit={(v) => onChange({ prompt: v || null })}
        />
      </PopoverContent>
    </Popover>
  );
}
