import { toast } from 'sonner';
import type { InteractionFilter } from '../../../../shared/contract/traces';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { OptionSelect } from '../../components/ui/option-select';
import { useChannelMutation, useChannelQuery } from '../../query/channel-query';
import { useContractForm } from '../../query/contract-form';
import { NumberInput } from '../graders/number-input';
import { showServerError } from '../graders/show-server-error';
import { backtestsHref, goToBacktests } from './backtests-route';
import { newSetFormSchema, newSetValues, setInput, type NewSetFormValues } from './new-set-form';

type V = NewSetFormValues;

const STRATA_LABELS = [
  { value: 'none', label: 'No strata (a plain random sample)' },
  { value: 'type', label: 'Interaction type' },
  { value: 'outcome', label: 'Outcome (ok / error)' },
] as const;

const TEXT_FILTERS: readonly { name: keyof V; label: string; hint: string }[] = [
  { name: 'type', label: 'Interaction type', hint: 'blank: every type' },
  { name: 'tags', label: 'Tags', hint: 'comma-separated; an interaction carries all of them' },
  { name: 'from', label: 'From', hint: 'ISO time, e.g. 2026-03-01T00:00:00Z' },
  { name: 'to', label: 'To', hint: 'ISO time' },
  { name: 'userId', label: 'User', hint: 'a user id' },
  { name: 'sessionId', label: 'Session', hint: 'a session id' },
];

/**
 * Freezes a set: a sample of production interactions (filtered, optionally stratified) or a
 * dataset's cases. Opened from the sets list, or from the Traces page with its filters.
 */
export function NewSetDialog({
  prefill,
  onClose,
}: {
  prefill: InteractionFilter | null;
  onClose: () => void;
}) {
  const form = useContractForm(newSetFormSchema, newSetValues(prefill));
  const create = useChannelMutation('backtests.sets.create', { meta: { form: true } });
  const datasets = useChannelQuery('datasets.list', {}).data?.datasets ?? [];
  const kind = form.watch('sourceKind');

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const set = await create.mutateAsync(setInput(values));
      toast.success(`Froze ${set.name}: ${set.itemCount} items`);
      // Straight to the new set (the dialog closes with the list it belongs to).
      goToBacktests(backtestsHref.set(set.id));
    } catch (err) {
      showServerError(form, err);
    }
  });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="new-set-form" className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <DialogTitle>New backtest set</DialogTitle>
        <DialogDescription>
          A set is frozen when it is made: each item keeps its input, what production answered and
          the LLM calls it made, so later runs replay the same traffic.
        </DialogDescription>
        <Form {...form}>
          <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
            <Field<V, 'name'>
              name="name"
              label="Name"
              render={(field) => (
                <Input {...field} data-testid="new-set-name" autoComplete="off" autoFocus />
              )}
            />
            <Field<V, 'sourceKind'>
              name="sourceKind"
              label="Source"
              render={({ value, onChange, ref: _ref, ...field }) => (
                <OptionSelect
                  {...field}
                  value={value}
                  options={[
                    { value: 'interactions', label: 'Production interactions' },
                    { value: 'dataset', label: 'A dataset’s cases' },
                  ]}
                  data-testid="new-set-source"
                  className="h-8"
                  onValueChange={onChange}
                />
              )}
            />
            {kind === 'dataset' ? (
              <Field<V, 'dataset'>
                name="dataset"
                label="Dataset"
                render={({ value, onChange, ref: _ref, ...field }) => (
                  <OptionSelect
                    {...field}
                    value={value}
                    placeholder={datasets.length ? 'Pick a dataset' : 'No datasets yet'}
                    options={datasets.map((d) => ({
                      value: d.name,
                      label: `${d.name} (${d.caseCount} cases)`,
                    }))}
                    data-testid="new-set-dataset"
                    className="h-8"
                    onValueChange={onChange}
                  />
                )}
              />
            ) : (
              <>
                <div className="grid grid-cols-2 gap-3">
                  <Field<V, 'sampleSize'>
                    name="sampleSize"
                    label="Sample size"
                    hint="Interactions drawn at random from those that match."
                    render={({ value, onChange, ...field }) => (
                      <NumberInput
                        {...field}
                        value={value}
                        onChange={onChange}
                        data-testid="new-set-sample-size"
                        className="h-8 font-mono"
                      />
                    )}
                  />
                  <Field<V, 'stratifyBy'>
                    name="stratifyBy"
                    label="Stratify by"
                    hint="Each stratum keeps its share of the sample."
                    render={({ value, onChange, ref: _ref, ...field }) => (
                      <OptionSelect
                        {...field}
                        value={value}
                        options={STRATA_LABELS}
                        data-testid="new-set-stratify"
                        className="h-8"
                        onValueChange={onChange}
                      />
                    )}
                  />
                </div>
                <fieldset className="grid grid-cols-2 gap-3" data-testid="new-set-filter">
                  <legend className="mb-2 text-xs font-medium">
                    Filter: every field given must match
                  </legend>
                  {TEXT_FILTERS.map(({ name, label, hint }) => (
                    <Field<V, typeof name>
                      key={name}
                      name={name}
                      label={label}
                      hint={hint}
                      render={(field) => (
                        <Input
                          {...field}
                          value={String(field.value ?? '')}
                          data-testid={`new-set-${name}`}
                          className="h-8 font-mono text-xs"
                          autoComplete="off"
                        />
                      )}
                    />
                  ))}
                </fieldset>
              </>
            )}
            <FormRootError />
            <DialogFormFooter
              onCancel={onClose}
              errorTestId="new-set-error"
              busy={create.isPending}
              submitTestId="create-set"
            >
              Freeze set
            </DialogFormFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
