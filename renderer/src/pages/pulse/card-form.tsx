import { LoaderCircle, Plus } from 'lucide-react';
import type { ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { Button } from '../../components/ui/button';
import { Card, CardContent } from '../../components/ui/card';
import { Form, FormRootError } from '../../components/ui/form';
import { showSubmitError } from '../../query/contract-form';

/**
 * A form on a card that adds something (a rule, a webhook): its heading, its fields, the
 * form's own error, and the add button, which spins while the request runs. What the core
 * refuses is shown at the fields it names, else as the form's error.
 */
export function CardForm<V extends FieldValues, O>({
  form,
  add,
  title,
  name,
  cardTestId,
  submitLabel,
  busy,
  children,
}: {
  form: UseFormReturn<V, unknown, O>;
  /** Sends the valid values; throws what the core refused. */
  add: (values: O) => Promise<void>;
  title: string;
  /** What it adds ("rule"): the test ids `rule-form` and `rule-submit`. */
  name: string;
  cardTestId?: string;
  submitLabel: string;
  busy: boolean;
  children: ReactNode;
}) {
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await add(values);
    } catch (err) {
      showSubmitError(form, err);
    }
  });
  return (
    <Card data-testid={cardTestId}>
      <Form {...form}>
        <form noValidate data-testid={`${name}-form`} onSubmit={(e) => void onSubmit(e)}>
          <CardContent className="flex flex-col gap-3 py-3">
            <h2 className="text-sm font-semibold">{title}</h2>
            {children}
            <FormRootError />
            <Button
              type="submit"
              size="sm"
              className="self-start"
              data-testid={`${name}-submit`}
              disabled={busy}
            >
              {busy ? <LoaderCircle className="animate-spin" /> : <Plus />}
              {submitLabel}
            </Button>
          </CardContent>
        </form>
      </Form>
    </Card>
  );
}
