import { Search } from 'lucide-react';
import type { PriceView } from '../../../../shared/contract';
import { PROVIDER_IDS } from '../../../../shared/contract';
import { Input } from '../../components/ui/input';
import { ToggleGroup, ToggleGroupItem } from '../../components/ui/toggle-group';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import type { ProviderFilter } from './filter-prices';

interface PriceFilterBarProps {
  prices: readonly PriceView[];
  text: string;
  onTextChange: (text: string) => void;
  provider: ProviderFilter;
  onProviderChange: (provider: ProviderFilter) => void;
}

const FILTERS: readonly ProviderFilter[] = ['all', ...PROVIDER_IDS];

function labelOf(filter: ProviderFilter, prices: readonly PriceView[]): string {
  if (filter === 'all') return `All ${prices.length}`;
  return `${PROVIDER_LABELS[filter]} ${prices.filter((p) => p.provider === filter).length}`;
}

/** Text filter over provider, model and name, plus a provider choice with row counts. */
export function PriceFilterBar(props: PriceFilterBarProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="relative w-64">
        <Search className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted-foreground" />
        <Input
          type="search"
          aria-label="Filter by provider or model"
          placeholder="Filter by provider or model…"
          className="h-7 pl-7 text-xs"
          data-testid="models-filter"
          value={props.text}
          onChange={(event) => props.onTextChange(event.target.value)}
        />
      </div>
      <ToggleGroup
        type="single"
        aria-label="Provider"
        value={props.provider}
        // Clicking the chosen filter again reports '': the filter stays as it is.
        onValueChange={(next) => next && props.onProviderChange(next as ProviderFilter)}
      >
        {FILTERS.map((filter) => (
          <ToggleGroupItem key={filter} value={filter} data-testid={`models-provider-${filter}`}>
            {labelOf(filter, props.prices)}
          </ToggleGroupItem>
        ))}
      </ToggleGroup>
    </div>
  );
}
