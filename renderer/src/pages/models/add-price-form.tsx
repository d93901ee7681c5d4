import { LoaderCircle, Plus } from 'lucide-react';
import { PROVIDER_IDS } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Card, CardContent } from '../../components/ui/card';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '../../components/ui/select';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import { showSubmitError, useContractForm } from '../../query/contract-form';
import { EMPTY_PRICE, PRICE_FIELDS, PRICE_LABELS, priceFormSchema } from './price-draft';
import { useSavePrice } from './use-save-price';
import { WriteGuard } from '../../auth/write-guard';

/** Prices a model the catalog lacks (or overrides one), e.g. a local model at 0 explicitly. */
export function AddPriceForm() {
  const form = useContractForm(priceFormSchema, EMPTY_PRICE);
  const save = useSavePrice();

  const onSubmit = form.handleSubmit(async (input) => {
    try {
      await save.mutateAsync(input);
      // The provider stays: several models of one local server are usually added in a row.
      form.reset({ ...EMPTY_PRICE, provider: input.provider });
    } catch (err) {
      showSubmitError(form, err);
    }
  });

  return (
    <Card data-testid="add-price-card">
      <Form {...form}>
        {/* noValidate: the form's schema checks prices, with the core's words. */}
        <form noValidate data-testid="add-price" onSubmit={(event) => void onSubmit(event)}>
          <CardContent className="gap-2 py-3">
            <div className="flex flex-col gap-0.5">
              <h2 className="text-sm font-semibold">Add price</h2>
              <p className="text-xs text-muted-foreground">
                For a model the catalog lacks, such as a local model you want priced at 0
                explicitly. Leave cache prices empty to bill cached tokens at the input price.
              </p>
            </div>
            <div className="flex flex-wrap items-start gap-2">
              <Field
                name="provider"
                label="Provider"
                className="w-32"
                render={({ value, onChange, disabled, ...field }) => (
                  <Select value={value} onValueChange={onChange} disabled={disabled}>
                    <SelectTrigger
                      {...field}
                      data-testid="add-price-provider"
                      className="h-7 text-xs"
                    >
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      {PROVIDER_IDS.map((id) => (
                        <SelectItem key={id} value={id} data-testid={`add-price-provider-${id}`}>
                          {PROVIDER_LABELS[id]}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                )}
              />
              <Field
                name="model"
                label="Model id"
                className="min-w-48 flex-1"
                render={(field) => (
                  <Input
                    {...field}
                    data-testid="add-price-model"
                    placeholder="llama3.2:3b"
                    autoComplete="off"
                    spellCheck={false}
                    className="h-7 font-mono text-xs"
                  />
                )}
              />
              {PRICE_FIELDS.map((name) => (
                <Field
                  key={name}
                  name={name}
                  label={PRICE_LABELS[name]}
                  className="w-28"
                  render={(field) => (
                    <Input
                      {...field}
                      data-testid={`add-price-${name}`}
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder={name.startsWith('cache') ? 'optional' : '0.00'}
                      className="h-7 text-right font-mono text-xs"
                    />
                  )}
                />
              ))}
              {/* Lined up with the inputs, below their labels. */}
              <WriteGuard what="prices" needs="admin">
                {(blocked) => (
                  <Button
                    type="submit"
                    size="sm"
                    className="mt-5.5"
                    data-testid="add-price-submit"
                    disabled={save.isPending || blocked}
                  >
                    {save.isPending ? <LoaderCircle className="animate-spin" /> : <Plus />}
                    Add price
                  </Button>
                )}
              </WriteGuard>
            </div>
            <FormRootError />
          </CardContent>
        </form>
      </Form>
    </Card>
  );
}
