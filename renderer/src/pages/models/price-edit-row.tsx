import { LoaderCircle } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import type { PriceView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import {
  Form,
  FormControl,
  FormField,
  FormItem,
  FormMessage,
  FormRootError,
} from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { TableCell, TableRow } from '../../components/ui/table';
import { showSubmitError, useContractForm } from '../../query/contract-form';
import { ModelCell, ProviderCell, SourceCell } from './price-cells';
import { formValuesOf, PRICE_FIELDS, PRICE_LABELS, priceFormSchema } from './price-draft';
import { useSavePrice } from './use-save-price';

interface PriceEditRowProps {
  view: PriceView;
  onSaved: () => void;
  onCancel: () => void;
}

const COLUMNS = 8;

/**
 * A row whose four prices are inputs; Enter saves, Escape cancels. A table row cannot hold a
 * <form>, so the inputs submit through the keyboard and the Save button; each error shows under
 * its input, anything else on a line below the row.
 */
export function PriceEditRow({ view, onSaved, onCancel }: PriceEditRowProps) {
  const form = useContractForm(priceFormSchema, formValuesOf(view));
  const save = useSavePrice();
  const submit = form.handleSubmit(async (input) => {
    try {
      await save.mutateAsync(input);
      onSaved();
    } catch (err) {
      showSubmitError(form, err);
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !save.isPending) void submit();
    else if (event.key === 'Escape') onCancel();
  };
  const rootError = form.formState.errors.root;

  return (
    <Form {...form}>
      <TableRow
        className="bg-muted/40 hover:bg-muted/40"
        data-testid={`price-row-${view.provider}-${view.model}`}
        data-editing="true"
      >
        <ProviderCell view={view} />
        <ModelCell view={view} />
        {PRICE_FIELDS.map((name, index) => (
          <TableCell key={name} className="py-0.5 align-top">
            <FormField
              name={name}
              render={({ field }) => (
                <FormItem className="gap-0.5">
                  <FormControl>
                    <Input
                      {...field}
                      data-testid={`price-${name}`}
                      aria-label={`${PRICE_LABELS[name]} price of ${view.model}, USD per 1M tokens`}
                      inputMode="decimal"
                      autoComplete="off"
                      autoFocus={index === 0}
                      placeholder={name.startsWith('cache') ? '-' : '0.00'}
                      className="ml-auto h-6 w-full px-1.5 text-right font-mono text-xs"
                      disabled={save.isPending}
                      onKeyDown={onKeyDown}
                    />
                  </FormControl>
                  <FormMessage className="text-right text-[11px] whitespace-normal" />
                </FormItem>
              )}
            />
          </TableCell>
        ))}
        <SourceCell view={view} />
        <TableCell className="whitespace-nowrap">
          <div className="flex justify-end gap-1">
            <Button
              size="xs"
              data-testid="save-price"
              disabled={save.isPending}
              onClick={() => void submit()}
            >
              {save.isPending ? <LoaderCircle className="animate-spin" /> : null}
              Save
            </Button>
            <Button variant="ghost" size="xs" data-testid="cancel-price" onClick={onCancel}>
              Cancel
            </Button>
          </div>
        </TableCell>
      </TableRow>
      {rootError ? (
        <TableRow className="bg-muted/40 hover:bg-muted/40">
          <TableCell colSpan={COLUMNS} className="pt-0 text-right">
            <FormRootError />
          </TableCell>
        </TableRow>
      ) : null}
    </Form>
  );
}
