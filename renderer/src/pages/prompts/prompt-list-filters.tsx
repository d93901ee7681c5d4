import { Search } from 'lucide-react';
import { Checkbox } from '../../components/ui/checkbox';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { ToggleGroup, ToggleGroupItem } from '../../components/ui/toggle-group';
import { OptionSelect } from '../../components/ui/option-select';
import { KIND_OPTIONS } from './prompt-kinds';
import type { PromptListFilters } from './use-prompt-list';

interface PromptListFiltersProps {
  filters: PromptListFilters;
  onChange: (filters: PromptListFilters) => void;
  labels: readonly string[];
  tags: readonly string[];
}

const ALL_KINDS = [{ value: '' as const, label: 'All kinds' }, ...KIND_OPTIONS];

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
        <OptionSelect
          aria-label="Kind"
          data-testid="prompt-kind-filter"
          className="h-7 text-xs"
          value={filters.kind}
          options={ALL_KINDS}
          onValueChange={(kind) => set({ kind })}
        />
        <OptionSelect
          aria-label="Label"
          data-testid="prompt-label-filter"
          className="h-7 text-xs"
          value={filters.label}
          options={[
            { value: '', label: 'Any label' },
            ...labels.map((label) => ({ value: label, label })),
          ]}
          onValueChange={(label) => set({ label })}
        />
      </div>
      {tags.length > 0 ? (
        <ToggleGroup
          type="single"
          aria-label="Tag"
          className="flex-wrap"
          value={filters.tag}
          // Pressing the active tag again clears the filter ("" from Radix).
          onValueChange={(tag) => set({ tag })}
        >
          {tags.map((tag) => (
            <ToggleGroupItem
              key={tag}
              value={tag}
              data-testid={`prompt-tag-${tag}`}
              className="h-5 px-2 text-[11px] font-normal"
            >
              #{tag}
            </ToggleGroupItem>
          ))}
        </ToggleGroup>
      ) : null}
      <div className="flex items-center gap-1.5">
        <Checkbox
          id="prompts-show-deleted"
          data-testid="show-deleted"
          checked={filters.includeDeleted}
          onCheckedChange={(checked) => set({ includeDeleted: checked === true })}
        />
        <Label htmlFor="prompts-show-deleted" className="text-xs font-normal text-muted-foreground">
          Show deleted
        </Label>
      </div>
    </div>
  );
}
