import { Search } from 'lucide-react';
import type { PriceView } from '../../../../shared/contract';
import { PROVIDER_IDS } from '../../../../shared/contract';
import { Input } from '../../components/ui/input';
import { Segmented, type SegmentOption } from '../../components/ui/segmented';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import type { ProviderFilter } from './filter-prices';

interface PriceFilterBarProps {
  prices: readonly PriceView[];
  text: string;
  onTextChange: (text: string) => void;
  provider: ProviderFilter;
  onProviderChange: (provider: ProviderFilter) => void;
}

function providerOptions(prices: readonly PriceView[]): SegmentOption<ProviderFilter>[] {
  const count = (id: ProviderFilter) =>
    id === 'all' ? prices.length : prices.filter((p) => p.provider === id).length;
  return [
    { value: 'all', label: `All ${count('all')}`, testId: 'models-provider-all' },
    ...PROVIDER_IDS.map((id) => ({
      value: id,
      label: `${PROVIDER_LABELS[id]} ${count(id)}`,
      testId: `models-provider-${id}`,
    })),
  ];
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
      <Segmented
        label="Provider"
        value={props.provider}
        options={providerOptions(props.prices)}
        onChange={props.onProviderChange}
      />
    </div>
  );
}
