import { LoaderCircle } from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';
import type { PriceView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { CELL, ModelCell, ProviderCell, SourceCell } from './price-cells';
import { draftOf, PRICE_FIELDS, PRICE_LABELS, setInputOf, type PriceField } from './price-draft';
import { useSavePrice } from './use-save-price';

interface PriceEditRowProps {
  view: PriceView;
  onSaved: (view: PriceView) => void;
  onCancel: () => void;
}

const COLUMNS = 8;

/** A row whose four prices are inputs; Enter saves, Escape cancels. */
export function PriceEditRow({ view, onSaved, onCancel }: PriceEditRowProps) {
  const [draft, setDraft] = useState(() => draftOf(view));
  const { save, saving, error, fieldErrors } = useSavePrice(onSaved);
  const submit = () => void save(setInputOf(view.provider, view.model, draft));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !saving) submit();
    else if (event.key === 'Escape') onCancel();
  };
  const setField = (field: PriceField, value: string) =>
    setDraft((prev) => ({ ...prev, [field]: value }));

  return (
    <>
      <tr
        className="border-t bg-muted/40"
        data-testid={`price-row-${view.provider}-${view.model}`}
        data-editing="true"
      >
        <ProviderCell view={view} />
        <ModelCell view={view} />
        {PRICE_FIELDS.map((field, index) => (
          <td key={field} className={`${CELL} py-0.5`}>
            <Input
              data-testid={`price-${field}`}
              aria-label={`${PRICE_LABELS[field]} price of ${view.model}, USD per 1M tokens`}
              aria-invalid={fieldErrors[field] ? true : undefined}
              title={fieldErrors[field]}
              inputMode="decimal"
              autoComplete="off"
              autoFocus={index === 0}
              placeholder={field.startsWith('cache') ? '-' : '0.00'}
              className="ml-auto h-6 w-full px-1.5 text-right font-mono text-xs"
              value={draft[field]}
              disabled={saving}
              onKeyDown={onKeyDown}
              onChange={(event) => setField(field, event.target.value)}
            />
          </td>
        ))}
        <SourceCell view={view} />
        <td className={`${CELL} whitespace-nowrap`}>
          <div className="flex justify-end gap-1">
            <Button size="xs" data-testid="save-price" disabled={saving} onClick={submit}>
              {saving ? <LoaderCircle className="animate-spin" /> : null}
              Save
            </Button>
            <Button variant="ghost" size="xs" data-testid="cancel-price" onClick={onCancel}>
              Cancel
            </Button>
          </div>
        </td>
      </tr>
      {error ? (
        <tr className="bg-muted/40">
          <td colSpan={COLUMNS} className={`${CELL} pt-0`}>
            <p className="text-right text-xs text-destructive" data-testid="price-edit-error">
              {error}
            </p>
          </td>
        </tr>
      ) : null}
    </>
  );
}
