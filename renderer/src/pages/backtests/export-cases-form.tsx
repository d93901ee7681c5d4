import { Download } from 'lucide-react';
import { z } from 'zod';
import { toast } from 'sonner';
import { nameText } from '../../../../shared/contract/fields';
import { Button } from '../../components/ui/button';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { useChannelMutation } from '../../query/channel-query';
import { useContractForm } from '../../query/contract-form';
import { showServerError } from '../graders/show-server-error';

const exportSchema = z.object({ dataset: nameText });
type V = z.input<typeof exportSchema>;

/** Adds a candidate's regressions to a dataset as eval cases (made when it does not exist). */
export function ExportCasesForm({ runId, side }: { runId: string; side: number }) {
  const form = useContractForm(exportSchema, { dataset: '' });
  const exported = useChannelMutation('backtests.runs.exportCases', {
    invalidates: ['datasets'],
    meta: { form: true },
  });
  const onSubmit = form.handleSubmit(async ({ dataset }) => {
    try {
      const done = await exported.mutateAsync({ id: runId, side, which: 'regressions', dataset });
      toast.success(`Added ${done.added} regressions to ${done.dataset}`);
      form.reset({ dataset: '' });
    } catch (err) {
      showServerError(form, err);
    }
  });
  return (
    <Form {...form}>
      <form
        noValidate
        className="flex items-end gap-2"
        data-testid="export-regressions"
        onSubmit={(e) => void onSubmit(e)}
      >
        <Field<V, 'dataset'>
          name="dataset"
          label="Export regressions to dataset"
          className="w-72"
          render={(field) => (
            <Input
              {...field}
              data-testid="export-dataset-name"
              placeholder="dataset name"
              className="h-8"
              autoComplete="off"
            />
          )}
        />
        <Button
          type="submit"
          size="sm"
          variant="outline"
          data-testid="export-regressions-submit"
          disabled={exported.isPending}
        >
          <Download /> Export
        </Button>
        <FormRootError />
        {exported.data ? (
          <span className="text-xs text-muted-foreground" data-testid="export-result">
            {`${exported.data.added} cases added to ${exported.data.dataset}`}
          </span>
        ) : null}
      </form>
    </Form>
  );
}
