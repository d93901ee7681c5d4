import { ChevronDown, ChevronRight, LoaderCircle, RotateCw, TriangleAlert } from 'lucide-react';
import type { ProviderId } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { ModelList } from './model-list';
import { useProviderModels, type ProviderModels } from './use-provider-models';

function Summary({ listing }: { listing: ProviderModels }) {
  const count = listing.models.length;
  const unpriced = listing.models.filter((m) => !m.price).length;
  return (
    <p className="text-xs text-muted-foreground" data-testid="models-summary">
      {`${count} model${count === 1 ? '' : 's'} · ${listing.source === 'live' ? 'listed live' : 'from the catalog'}`}
      {unpriced > 0 ? ` · ${unpriced} unpriced` : ''}
    </p>
  );
}

function Fallback({ provider, error }: { provider: ProviderId; error: string }) {
  return (
    <div
      className="flex items-start gap-2 rounded-md border border-dashed bg-muted/40 px-2.5 py-2 text-xs"
      data-testid={`models-${provider}-fallback`}
    >
      <TriangleAlert className="mt-px size-3.5 shrink-0 text-muted-foreground" />
      <p className="min-w-0 break-words">
        Live listing failed, so these are the catalog&apos;s models:{' '}
        <span className="text-muted-foreground">{error}</span>
      </p>
    </div>
  );
}

/** The collapsible "Models" part of a provider card; nothing is fetched until it is opened. */
export function ProviderModelsSection({ provider }: { provider: ProviderId }) {
  const { open, loading, listing, error, toggle, reload } = useProviderModels(provider);
  const bodyId = `models-${provider}-body`;
  return (
    <div className="flex flex-col gap-2 border-t px-4 py-2.5" data-testid={`models-${provider}`}>
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-medium">Models</span>
        <div className="flex items-center gap-1">
          {open && listing ? (
            <Button
              type="button"
              variant="ghost"
              size="xs"
              aria-label="Reload models"
              data-testid={`reload-models-${provider}`}
              disabled={loading}
              onClick={() => void reload()}
            >
              <RotateCw className={loading ? 'animate-spin' : undefined} />
            </Button>
          ) : null}
          <Button
            type="button"
            variant="ghost"
            size="xs"
            aria-expanded={open}
            aria-controls={bodyId}
            data-testid={`show-models-${provider}`}
            onClick={toggle}
          >
            {open ? <ChevronDown /> : <ChevronRight />}
            {open ? 'Hide models' : 'Show models'}
          </Button>
        </div>
      </div>
      {open ? (
        <div id={bodyId} className="flex flex-col gap-2">
          {loading && !listing ? (
            <p className="flex items-center gap-2 text-xs text-muted-foreground">
              <LoaderCircle className="size-3.5 animate-spin" />
              Listing models…
            </p>
          ) : null}
          {error ? (
            <p className="text-xs text-destructive" data-testid={`models-${provider}-error`}>
              {error}
            </p>
          ) : null}
          {listing ? (
            <>
              {listing.source === 'catalog' && listing.error ? (
                <Fallback provider={provider} error={listing.error} />
              ) : null}
              <Summary listing={listing} />
              <ModelList provider={provider} models={listing.models} />
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
