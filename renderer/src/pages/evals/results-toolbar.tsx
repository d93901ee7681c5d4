import { Columns3, Search } from 'lucide-react';
import type { RunTotals } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../../components/ui/dropdown-menu';
import { Input } from '../../components/ui/input';
import { ToggleGroup, ToggleGroupItem } from '../../components/ui/toggle-group';
import { fmtCount } from './format';
import { UNSCORED_HINT } from './live-counts';
import type { ResultColumn } from './result-columns';

export const RESULT_FILTERS = ['all', 'pass', 'fail', 'error', 'unscored'] as const;
export type ResultFilter = (typeof RESULT_FILTERS)[number];

interface ResultsToolbarProps {
  totals: RunTotals;
  filter: ResultFilter;
  onFilter: (filter: ResultFilter) => void;
  search: string;
  onSearch: (search: string) => void;
  columns: readonly ResultColumn[];
  hidden: ReadonlySet<string>;
  onToggleColumn: (id: string, visible: boolean) => void;
  /** Rows shown after the filter and the search; null while loading. */
  shown: number | null;
}

/** The status filter, the search box, the column chooser and how many rows are shown. */
export function ResultsToolbar(props: ResultsToolbarProps) {
  const { totals, filter, onFilter, search, onSearch, columns, hidden, onToggleColumn } = props;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <h3 className="text-sm font-semibold">Results</h3>
      <ToggleGroup
        type="single"
        aria-label="Filter results"
        value={filter}
        // Radix hands back "" when the pressed item is pressed again: keep a filter chosen.
        onValueChange={(value) => value && onFilter(value as ResultFilter)}
      >
        {RESULT_FILTERS.map((value) => (
          <ToggleGroupItem
            key={value}
            value={value}
            data-testid={`results-filter-${value}`}
            title={value === 'unscored' ? UNSCORED_HINT : undefined}
          >
            {value === 'all'
              ? `All ${fmtCount(totals.results)}`
              : `${value} ${fmtCount(totals[value])}`}
          </ToggleGroupItem>
        ))}
      </ToggleGroup>
      <div className="relative w-64">
        <Search className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted-foreground" />
        <Input
          type="search"
          className="h-8 pl-7"
          placeholder="Search inputs, outputs, reasons…"
          aria-label="Search results"
          data-testid="results-search"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
        />
      </div>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" data-testid="results-columns">
            <Columns3 />
            Columns
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="max-h-80 overflow-y-auto">
          <DropdownMenuLabel>Show columns</DropdownMenuLabel>
          <DropdownMenuSeparator />
          {columns.map((column) => (
            <DropdownMenuCheckboxItem
              key={column.id}
              data-testid={`results-column-${column.id}`}
              checked={!hidden.has(column.id)}
              onCheckedChange={(visible) => onToggleColumn(column.id, visible)}
              // Several columns are usually switched at once: the menu stays open.
              onSelect={(e) => e.preventDefault()}
            >
              {column.id.startsWith('var:') ? (
                <span className="font-mono">{column.label}</span>
              ) : (
                column.label
              )}
            </DropdownMenuCheckboxItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      <span className="ml-auto text-xs text-muted-foreground" data-testid="results-count">
        {props.shown === null
          ? 'Loading…'
          : `${fmtCount(props.shown)} ${props.shown === 1 ? 'result' : 'results'}`}
      </span>
    </div>
  );
}
