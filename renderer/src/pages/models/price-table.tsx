import type { PriceView } from '../../../../shared/contract';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { priceKey } from './price-draft';
import { PriceEditRow } from './price-edit-row';
import { PriceRow } from './price-row';

interface PriceTableProps {
  prices: readonly PriceView[];
  /** The key of the row being edited, if any: one row at a time. */
  editing: string | null;
  onEditingChange: (key: string | null) => void;
  onReset: (view: PriceView) => void;
  resetting: string | null;
}

/** Fixed layout: every column but Model has a width, so editing a row shifts nothing. */
const NUMERIC = 'w-24 text-right';
const HEADERS: [label: string, className: string][] = [
  ['Provider', 'w-24'],
  ['Model', ''],
  ['Input', NUMERIC],
  ['Output', NUMERIC],
  ['Cache read', NUMERIC],
  ['Cache write', NUMERIC],
  ['Source', 'w-24'],
];

export function PriceTable(props: PriceTableProps) {
  const { prices, editing, onEditingChange, onReset, resetting } = props;
  return (
    <div className="rounded-lg border bg-card">
      <Table className="min-w-[52rem] table-fixed text-[13px]" data-testid="price-table">
        <TableHeader className="bg-muted/60">
          <TableRow className="hover:bg-transparent">
            {HEADERS.map(([label, className]) => (
              <TableHead key={label} scope="col" className={className}>
                {label}
              </TableHead>
            ))}
            <TableHead scope="col" className="w-36">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {prices.map((view) => {
            const key = priceKey(view);
            return key === editing ? (
              <PriceEditRow
                key={key}
                view={view}
                onSaved={() => onEditingChange(null)}
                onCancel={() => onEditingChange(null)}
              />
            ) : (
              <PriceRow
                key={key}
                view={view}
                onEdit={() => onEditingChange(key)}
                onReset={() => onReset(view)}
                resetting={resetting === key}
              />
            );
          })}
          {prices.length === 0 ? (
            <TableRow className="hover:bg-transparent">
              <TableCell
                colSpan={HEADERS.length + 1}
                className="py-6 text-center text-muted-foreground"
              >
                <span data-testid="prices-empty">No prices match the filter.</span>
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </div>
  );
}
