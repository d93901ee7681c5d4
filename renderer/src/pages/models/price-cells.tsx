import type { PriceView } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { TableCell } from '../../components/ui/table';
import { PROVIDER_LABELS } from '../../lib/provider-labels';

export const NUM_CELL = 'text-right font-mono tabular-nums';

export function ProviderCell({ view }: { view: PriceView }) {
  return <TableCell className="whitespace-nowrap">{PROVIDER_LABELS[view.provider]}</TableCell>;
}

export function ModelCell({ view }: { view: PriceView }) {
  return (
    <TableCell>
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
    </TableCell>
  );
}

/** A cache price; `-` when none is set, which bills cached tokens at the input rate. */
export function CachePriceCell({ value }: { value: string | null }) {
  if (value !== null) return <TableCell className={NUM_CELL}>{value}</TableCell>;
  return (
    <TableCell
      className={`${NUM_CELL} text-muted-foreground`}
      title="Not set: billed at the input price"
    >
      -
    </TableCell>
  );
}

export function SourceCell({ view }: { view: PriceView }) {
  return (
    <TableCell>
      {view.source === 'override' ? (
        <Badge variant="default" data-testid="source-override">
          override
        </Badge>
      ) : (
        <Badge variant="outline" data-testid="source-catalog">
          catalog
        </Badge>
      )}
    </TableCell>
  );
}
