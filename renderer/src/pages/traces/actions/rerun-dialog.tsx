import { LoaderCircle, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { PROVIDER_IDS, type ProviderId, type SpanView } from '../../../../../shared/contract';
import type { RerunResult } from '../../../../../shared/contract/trace-actions';
import { Button } from '../../../components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogTitle,
} from '../../../components/ui/dialog';
import { Field, Form, FormRootError } from '../../../components/ui/form';
import { Input } from '../../../components/ui/input';
import { OptionSelect } from '../../../components/ui/option-select';
import { PROVIDER_LABELS } from '../../../lib/provider-labels';
import { useChannelMutation } from '../../../query/channel-query';
import { showSubmitError, useContractForm } from '../../../query/contract-form';
import { useModelSuggestions } from '../../evals/use-model-suggestions';
import { RerunComparisonView } from './rerun-comparison';
import { RerunHistory } from './rerun-history';
import { EMPTY_RERUN, rerunFormSchema, type RerunFormValues } from './rerun-form';

const PROVIDER_OPTIONS = [
  { value: '' as const, label: 'Same as the original', testId: 'rerun-provider-same' },
  ...PROVIDER_IDS.map((id) => ({
    value: id,
    label: PROVIDER_LABELS[id],
    testId: `rerun-provider-${id}`,
  })),
];

interface RerunDialogProps {
  span: SpanView;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * "Rerun": the span's recorded call again, with another model, prompt version or parameters
 * (empty fields keep the original's); the answer then sits next to the original with a word
 * diff and the cost, latency and token deltas. Earlier reruns are listed under it.
 */
export function RerunDialog({ span, open, onOpenChange }: RerunDialogProps) {
  const form = useContractForm(rerunFormSchema, EMPTY_RERUN);
  const provider = form.watch('provider');
  const models = useModelSuggestions();
  const [result, setResult] = useState<RerunResult | null>(null);
  const rerun = useChannelMutation('spans.rerun', {
    invalidates: ['spans', 'traces'],
    meta: { form: true },
  });
  const submit = form.handleSubmit(async (overrides) => {
    try {
      setResult(await rerun.mutateAsync({ spanId: span.id, ...overrides }));
    } catch (err) {
      showSubmitError(form, err);
    }
  });
  const datalist = provider === '' ? undefined : `rerun-models-${provider}`;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="rerun-dialog" className="max-h-[90vh] max-w-3xl overflow-y-auto">
        <DialogTitle>Rerun {span.name}</DialogTitle>
        <DialogDescription>
          The recorded call again, never from the cache. Empty fields keep what the original had;
          the rerun is stored as a span linked to it.
        </DialogDescription>
        <Form {...form}>
          <form noValidate className="grid grid-cols-2 gap-3" onSubmit={(e) => void submit(e)}>
            <Field<RerunFormValues, 'provider'>
              name="provider"
              label="Provider"
              render={(field) => (
                <OptionSelect
                  value={field.value}
                  onValueChange={(v) => {
                    field.onChange(v);
                    if (v !== '') models.listLive(v as ProviderId);
                  }}
                  options={PROVIDER_OPTIONS}
                  data-testid="rerun-provider"
                />
              )}
            />
            <Field<RerunFormValues, 'model'>
              name="model"
              label="Model"
              render={(field) => (
                <Input
                  {...field}
                  data-testid="rerun-model"
                  list={datalist}
                  disabled={provider === ''}
                  placeholder={provider === '' ? (span.model ?? '') : 'model id'}
                  className="font-mono text-xs"
                  autoComplete="off"
                  spellCheck={false}
                />
              )}
            />
            <Field<RerunFormValues, 'promptVersion'>
              name="promptVersion"
              label="Prompt version"
              hint="name@label, name@v1.2 or a version id"
              render={(field) => (
                <Input {...field} data-testid="rerun-prompt" placeholder="as recorded" />
              )}
            />
            <div className="grid grid-cols-2 gap-2">
              <Field<RerunFormValues, 'temperature'>
                name="temperature"
                label="Temperature"
                render={(field) => (
                  <Input {...field} data-testid="rerun-temperature" inputMode="decimal" />
                )}
              />
              <Field<RerunFormValues, 'maxTokens'>
                name="maxTokens"
                label="Max tokens"
                render={(field) => (
                  <Input {...field} data-testid="rerun-max-tokens" inputMode="numeric" />
                )}
              />
            </div>
            {datalist ? (
              <datalist id={datalist}>
                {(models.ids[provider as ProviderId] ?? []).map((id) => (
                  <option key={id} value={id} />
                ))}
              </datalist>
            ) : null}
            <div className="col-span-2 flex items-center justify-end gap-2">
              <FormRootError />
              <Button type="submit" disabled={rerun.isPending} data-testid="rerun-submit">
                {rerun.isPending ? <LoaderCircle className="animate-spin" /> : <RotateCcw />}
                Rerun
              </Button>
            </div>
          </form>
        </Form>
        {result && result.original.id === span.id ? <RerunComparisonView {...result} /> : null}
        <RerunHistory spanId={span.id} />
      </DialogContent>
    </Dialog>
  );
}
