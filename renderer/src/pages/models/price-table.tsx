import type { PriceView } from '../../../../shared/contract';
import { CELL } from './price-cells';
import { priceKey } from './price-draft';
import { PriceEditRow } from './price-edit-row';
import { PriceRow } from './price-row';

interface PriceTableProps {
  prices: readonly PriceView[];
  /** The key of the row being edited, if any: one row at a time. */
  editing: string | null;
  onEditingChange: (key: string | null) => void;
  onSaved: (view: PriceView) => void;
  onReset: (view: PriceView) => void;
  resetting: string | null;
}

/** Fixed layout: every column but Model has a width, so editing a row shifts nothing. */
const NUMERIC = 'w-24 text-right';
const HEADERS: [label: string, className: string][] = [
  ['Provider', 'w-24 text-left'],
  ['Model', 'text-left'],
  ['Input', NUMERIC],
  ['Output', NUMERIC],
  ['Cache read', NUMERIC],
  ['Cache write', NUMERIC],
  ['Source', 'w-24 text-left'],
];

export function PriceTable(props: PriceTableProps) {
  const { prices, editing, onEditingChange, onSaved, onReset, resetting } = props;
  return (
    <div className="overflow-x-auto rounded-lg border bg-card">
      <table className="w-full min-w-[52rem] table-fixed text-[13px]" data-testid="price-table">
        <thead className="bg-muted/60 text-xs text-muted-foreground">
          <tr>
            {HEADERS.map(([label, className]) => (
              <th
                key={label}
                scope="col"
                className={`${CELL} font-medium whitespace-nowrap ${className}`}
              >
                {label}
              </th>
            ))}
            <th scope="col" className={`${CELL} w-36`}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {prices.map((view) => {
            const key = priceKey(view);
            return key === editing ? (
              <PriceEditRow
                key={key}
                view={view}
                onSaved={onSaved}
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
            <tr>
              <td
                colSpan={HEADERS.length + 1}
                className={`${CELL} py-6 text-center text-muted-foreground`}
              >
                <span data-testid="prices-empty">No prices match the filter.</span>
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
