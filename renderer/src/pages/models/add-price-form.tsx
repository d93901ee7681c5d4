import { LoaderCircle, Plus } from 'lucide-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { PriceView, ProviderId } from '../../../../shared/contract';
import { PROVIDER_IDS } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Card, CardContent } from '../../components/ui/card';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { NativeSelect } from '../../components/ui/native-select';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import { EMPTY_DRAFT, PRICE_FIELDS, PRICE_LABELS, setInputOf } from './price-draft';
import { useSavePrice } from './use-save-price';

const isProviderId = (value: string): value is ProviderId =>
  (PROVIDER_IDS as readonly string[]).includes(value);

function Field(props: { id: string; label: string; className: string; children: ReactNode }) {
  return (
    <div className={`flex flex-col gap-1.5 ${props.className}`}>
      <Label htmlFor={props.id}>{props.label}</Label>
      {props.children}
    </div>
  );
}

/** Prices a model the catalog lacks (or overrides one), e.g. a local model at 0 explicitly. */
export function AddPriceForm({ onSaved }: { onSaved: (view: PriceView) => void }) {
  const [provider, setProvider] = useState<ProviderId>('local');
  const [model, setModel] = useState('');
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const { save, saving, error, fieldErrors } = useSavePrice(onSaved);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await save(setInputOf(provider, model.trim(), draft))) {
      setModel('');
      setDraft(EMPTY_DRAFT);
    }
  };

  return (
    <Card data-testid="add-price-card">
      {/* noValidate: the core checks prices and names the offending field. */}
      <form noValidate data-testid="add-price" onSubmit={(event) => void onSubmit(event)}>
        <CardContent className="gap-2 py-3">
          <div className="flex flex-col gap-0.5">
            <h2 className="text-sm font-semibold">Add price</h2>
            <p className="text-xs text-muted-foreground">
              For a model the catalog lacks, such as a local model you want priced at 0 explicitly.
              Leave cache prices empty to bill cached tokens at the input price.
            </p>
          </div>
          <div className="flex flex-wrap items-end gap-2">
            <Field id="add-price-provider" label="Provider" className="w-32">
              <NativeSelect
                id="add-price-provider"
                data-testid="add-price-provider"
                className="h-7 text-xs"
                value={provider}
                disabled={saving}
                onChange={(event) =>
                  isProviderId(event.target.value) && setProvider(event.target.value)
                }
              >
                {PROVIDER_IDS.map((id) => (
                  <option key={id} value={id}>
                    {PROVIDER_LABELS[id]}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field id="add-price-model" label="Model id" className="min-w-48 flex-1">
              <Input
                id="add-price-model"
                data-testid="add-price-model"
                placeholder="llama3.2:3b"
                autoComplete="off"
                spellCheck={false}
                className="h-7 font-mono text-xs"
                value={model}
                disabled={saving}
                aria-invalid={fieldErrors.model ? true : undefined}
                onChange={(event) => setModel(event.target.value)}
              />
            </Field>
            {PRICE_FIELDS.map((field) => (
              <Field
                key={field}
                id={`add-price-${field}`}
                label={PRICE_LABELS[field]}
                className="w-24"
              >
                <Input
                  id={`add-price-${field}`}
                  data-testid={`add-price-${field}`}
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder={field.startsWith('cache') ? 'optional' : '0.00'}
                  className="h-7 text-right font-mono text-xs"
                  value={draft[field]}
                  disabled={saving}
                  aria-invalid={fieldErrors[field] ? true : undefined}
                  onChange={(event) =>
                    setDraft((prev) => ({ ...prev, [field]: event.target.value }))
                  }
                />
              </Field>
            ))}
            <Button type="submit" size="sm" data-testid="add-price-submit" disabled={saving}>
              {saving ? <LoaderCircle className="animate-spin" /> : <Plus />}
              Add price
            </Button>
          </div>
          {error ? (
            <p className="text-xs text-destructive" data-testid="add-price-error" role="alert">
              {error}
            </p>
          ) : null}
        </CardContent>
      </form>
    </Card>
  );
}
