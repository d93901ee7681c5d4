import { LoaderCircle, Pencil, RotateCcw } from 'lucide-react';
import type { PriceView } from '../../../../shared/contract';
import { useWriteBlocked } from '../../auth/use-auth-status';
import { Button } from '../../components/ui/button';
import { TableCell, TableRow } from '../../components/ui/table';
import { CachePriceCell, ModelCell, NUM_CELL, ProviderCell, SourceCell } from './price-cells';

interface PriceRowProps {
  view: PriceView;
  onEdit: () => void;
  onReset: () => void;
  resetting: boolean;
}

/** One price, read-only: Edit for every row, Reset for the user's overrides. */
export function PriceRow({ view, onEdit, onReset, resetting }: PriceRowProps) {
  const id = `${view.provider}-${view.model}`;
  // Prices are an admin's on a team server; a row's title says why its buttons are off.
  const blocked = useWriteBlocked('prices', 'admin');
  return (
    <TableRow data-testid={`price-row-${id}`} data-source={view.source}>
      <ProviderCell view={view} />
      <ModelCell view={view} />
      <TableCell className={NUM_CELL}>{view.input}</TableCell>
      <TableCell className={NUM_CELL}>{view.output}</TableCell>
      <CachePriceCell value={view.cacheRead} />
      <CachePriceCell value={view.cacheWrite} />
      <SourceCell view={view} />
      <TableCell className="text-right whitespace-nowrap">
        <div className="flex justify-end gap-1">
          <Button
            variant="ghost"
            size="xs"
            data-testid={`edit-price-${id}`}
            aria-label={`Edit the price of ${view.model}`}
            title={blocked ?? undefined}
            disabled={blocked !== null}
            onClick={onEdit}
          >
            <Pencil />
            Edit
          </Button>
          {view.source === 'override' ? (
            <Button
              variant="ghost"
              size="xs"
              data-testid={`reset-price-${id}`}
              aria-label={`Remove the price override of ${view.model}`}
              title="Remove the override: the catalog price applies again, if there is one"
              disabled={resetting || blocked !== null}
              onClick={onReset}
            >
              {resetting ? <LoaderCircle className="animate-spin" /> : <RotateCcw />}
              Reset
            </Button>
          ) : null}
        </div>
      </TableCell>
    </TableRow>
  );
}
