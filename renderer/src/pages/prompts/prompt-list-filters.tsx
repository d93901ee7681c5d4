import { Search } from 'lucide-react';
import { PROMPT_KINDS } from '../../../../shared/contract';
import { Input } from '../../components/ui/input';
import { NativeSelect } from '../../components/ui/native-select';
import { cn } from '../../lib/utils';
import { isPromptKind, KIND_LABELS } from './prompt-kinds';
import type { PromptListFilters } from './use-prompt-list';

interface PromptListFiltersProps {
  filters: PromptListFilters;
  onChange: (filters: PromptListFilters) => void;
  labels: readonly string[];
  tags: readonly string[];
}

/** Search, kind, label and tag filters, and the "Show deleted" toggle. */
export function PromptListFilterBar({ filters, onChange, labels, tags }: PromptListFiltersProps) {
  const set = (patch: Partial<PromptListFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className="flex flex-col gap-2 border-b px-3 pb-3">
      <div className="relative">
        <Search className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted-foreground" />
        <Input
          type="search"
          aria-label="Search prompts by name or content"
          placeholder="Search names and content…"
          className="h-7 pl-7 text-xs"
          data-testid="prompt-search"
          value={filters.search}
          onChange={(event) => set({ search: event.target.value })}
        />
      </div>
      <div className="flex gap-2">
        <NativeSelect
          aria-label="Kind"
          data-testid="prompt-kind-filter"
          className="h-7 text-xs"
          value={filters.kind}
          onChange={(event) => {
            const value = event.target.value;
            set({ kind: isPromptKind(value) ? value : '' });
          }}
        >
          <option value="">All kinds</option>
          {PROMPT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect
          aria-label="Label"
          data-testid="prompt-label-filter"
          className="h-7 text-xs"
          value={filters.label}
          onChange={(event) => set({ label: event.target.value })}
        >
          <option value="">Any label</option>
          {labels.map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </NativeSelect>
      </div>
      {tags.length > 0 ? (
        <div className="flex flex-wrap gap-1" aria-label="Tags">
          {tags.map((tag) => {
            const active = filters.tag === tag;
            return (
              <button
                key={tag}
                type="button"
                aria-pressed={active}
                data-testid={`prompt-tag-${tag}`}
                onClick={() => set({ tag: active ? '' : tag })}
                className={cn(
                  'rounded-full border px-2 py-px text-[11px] text-muted-foreground transition-colors hover:text-foreground',
                  active && 'border-foreground/40 bg-accent text-foreground',
                )}
              >
                #{tag}
              </button>
            );
          })}
        </div>
      ) : null}
      <label className="flex items-center gap-1.5 text-xs text-muted-foreground select-none">
        <input
          type="checkbox"
          data-testid="show-deleted"
          className="size-3.5 accent-foreground"
          checked={filters.includeDeleted}
          onChange={(event) => set({ includeDeleted: event.target.checked })}
        />
        Show deleted
      </label>
    </div>
  );
}
