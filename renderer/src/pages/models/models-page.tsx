import { LoaderCircle, RotateCw } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import type { ClientError } from '../../client';
import { PageHeader } from '../page-header';
import { AddPriceForm } from './add-price-form';
import { filterPrices, type ProviderFilter } from './filter-prices';
import { PriceFilterBar } from './price-filter-bar';
import { PriceTable } from './price-table';
import { usePriceList } from './use-price-list';
import { useResetPrice } from './use-reset-price';

const PRICING_NOTE =
  'Prices are USD per 1M tokens; a model with no price is shown as unpriced and never counted as free.';

function LoadState({ error, onRetry }: { error: ClientError | null; onRetry: () => void }) {
  return (
    <div className="flex items-center justify-between gap-4 rounded-lg border bg-card px-4 py-4 text-sm text-muted-foreground">
      {error ? (
        <>
          <span data-testid="prices-load-error">Could not load prices: {error.toString()}</span>
          <Button variant="outline" size="sm" onClick={onRetry}>
            <RotateCw />
            Retry
          </Button>
        </>
      ) : (
        <span className="flex items-center gap-2">
          <LoaderCircle className="size-4 animate-spin" />
          Loading prices…
        </span>
      )}
    </div>
  );
}

/** The price catalog merged with the user's overrides, editable row by row. */
export function ModelsPage() {
  const { list, error, reload } = usePriceList();
  const { reset, resetting } = useResetPrice();
  const [text, setText] = useState('');
  const [provider, setProvider] = useState<ProviderFilter>('all');
  const [editing, setEditing] = useState<string | null>(null);

  const shown = list ? filterPrices(list.prices, text, provider) : [];

  return (
    <div className="flex min-h-full flex-col" data-testid="page-models">
      <PageHeader
        title="Models"
        description={
          <>
            <span data-testid="prices-as-of">
              {list ? `Catalog as of ${list.asOf}.` : 'Catalog loading…'}
            </span>{' '}
            <span data-testid="prices-note">{PRICING_NOTE}</span>
          </>
        }
      />
      <div className="flex w-full max-w-6xl flex-col gap-4 px-8 py-6">
        <AddPriceForm />
        {list ? (
          <>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <PriceFilterBar
                prices={list.prices}
                text={text}
                onTextChange={setText}
                provider={provider}
                onProviderChange={setProvider}
              />
              <span className="text-xs text-muted-foreground" data-testid="prices-count">
                {`${shown.length} of ${list.prices.length} prices`}
              </span>
            </div>
            <PriceTable
              prices={shown}
              editing={editing}
              onEditingChange={setEditing}
              onReset={reset}
              resetting={resetting}
            />
          </>
        ) : (
          <LoadState error={error} onRetry={reload} />
        )}
      </div>
    </div>
  );
}
