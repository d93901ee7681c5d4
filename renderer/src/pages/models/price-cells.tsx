import type { PriceView } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { PROVIDER_LABELS } from '../../lib/provider-labels';

export const CELL = 'px-3 py-1 align-middle';
export const NUM_CELL = `${CELL} text-right font-mono tabular-nums`;

export function ProviderCell({ view }: { view: PriceView }) {
  return <td className={`${CELL} whitespace-nowrap`}>{PROVIDER_LABELS[view.provider]}</td>;
}

export function ModelCell({ view }: { view: PriceView }) {
  return (
    <td className={CELL}>
      <div className="flex min-w-0 items-baseline gap-2">
        <span className="truncate font-mono" title={view.model}>
          {view.model}
        </span>
        {view.name && view.name !== view.model ? (
          <span className="min-w-0 shrink-[4] truncate text-muted-foreground" title={view.name}>
            {view.name}
          </span>
        ) : null}
      </div>
    </td>
  );
}

/** A cache price; `-` when none is set, which bills cached tokens at the input rate. */
export function CachePriceCell({ value }: { value: string | null }) {
  if (value !== null) return <td className={NUM_CELL}>{value}</td>;
  return (
    <td className={`${NUM_CELL} text-muted-foreground`} title="Not set: billed at the input price">
      -
    </td>
  );
}

export function SourceCell({ view }: { view: PriceView }) {
  return (
    <td className={CELL}>
      {view.source === 'override' ? (
        <Badge variant="default" data-testid="source-override">
          override
        </Badge>
      ) : (
        <Badge variant="outline" data-testid="source-catalog">
          catalog
        </Badge>
      )}
    </td>
  );
}
