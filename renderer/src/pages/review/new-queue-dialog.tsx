import { useState } from 'react';
import { toast } from 'sonner';
import { toClientError } from '../../client';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { OptionSelect } from '../../components/ui/option-select';
import { RadioGroup, RadioGroupItem } from '../../components/ui/radio-group';
import { Label } from '../../components/ui/label';
import { useChannelMutation, useChannelQuery } from '../../query/channel-query';
import { showSubmitError, useContractForm } from '../../query/contract-form';
import {
  NEW_QUEUE_DEFAULTS,
  fillSource,
  newQueueSchema,
  type NewQueueValues,
} from './new-queue-form';
import { FillFields } from './fill-fields';

const FILL_KINDS = [
  { value: 'none', label: 'Empty (fill it later)' },
  { value: 'rule', label: 'By a score rule' },
  { value: 'filter', label: 'By an interactions filter' },
] as const;

interface NewQueueDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (id: string) => void;
}

/** Creates a queue for one grader and fills it by a score rule or a filter, if asked. */
export function NewQueueDialog({ open, onOpenChange, onCreated }: NewQueueDialogProps) {
  const form = useContractForm(newQueueSchema, NEW_QUEUE_DEFAULTS);
  const graders = useChannelQuery('graders.list', {}).data?.graders ?? [];
  const create = useChannelMutation('reviewQueues.create', {
    meta: { form: true },
    invalidates: ['reviewQueues'],
  });
  const fill = useChannelMutation('reviewQueues.fill', {
    meta: { form: true },
    invalidates: ['reviewQueues', 'review'],
  });
  const graderOptions = graders.map((g) => ({
    value: g.id,
    label: `${g.name} (${g.latest.scoreConfig.type})`,
    testId: `grader-option-${g.name}`,
  }));
  // Kept beside the form: which fill fields show is the dialog's own state.
  const [fillKind, setFillKind] = useState<NewQueueValues['fill']['kind']>('none');

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const queue = await create.mutateAsync({
        name: values.name,
        graderId: values.graderId,
        instructions: values.instructions,
      });
      const source = fillSource(values);
      if (source) {
        const filled = await fill.mutateAsync({ queueId: queue.id, source });
        toast.success(`Created ${queue.name} with ${filled.added} interactions`);
      } else toast.success(`Created ${queue.name}`);
      form.reset(NEW_QUEUE_DEFAULTS);
      setFillKind('none');
      onCreated(queue.id);
    } catch (err) {
      const error = toClientError(err);
      if (error.code === 'CONFLICT') form.setError('name', { message: error.message });
      else showSubmitError(form, err);
    }
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="new-queue-dialog" className="max-w-lg">
        <DialogTitle>New review queue</DialogTitle>
        <DialogDescription>
          Reviewers score its interactions with the grader’s scale, as human scores.
        </DialogDescription>
        <Form {...form}>
          <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
            <Field
              name="name"
              label="Name"
              render={(field) => <Input {...field} data-testid="new-queue-name" autoFocus />}
            />
            <Field
              name="graderId"
              label="Grader"
              hint="Its score config is what reviewers choose from."
              render={({ onChange, ...field }) => (
                <OptionSelect
                  {...field}
                  onValueChange={(id) => {
                    onChange(id);
                    if (fillKind === 'rule') form.setValue('fill.rule.graderId', id);
                  }}
                  options={graderOptions}
                  placeholder="Pick a grader"
                  data-testid="new-queue-grader"
                />
              )}
            />
            <Field
              name="instructions"
              label="Instructions"
              render={(field) => (
                <Input {...field} data-testid="new-queue-instructions" placeholder="Optional" />
              )}
            />
            <div className="flex flex-col gap-2">
              <span className="text-sm font-medium">Fill with</span>
              <RadioGroup
                value={fillKind}
                onValueChange={(value) => {
                  const kind = FILL_KINDS.find((k) => k.value === value)?.value ?? 'none';
                  const graderId = form.getValues('graderId');
                  form.setValue(
                    'fill',
                    kind === 'rule'
                      ? { kind, rule: { graderId, op: 'lte', value: 35 } }
                      : kind === 'filter'
                        ? { kind, filter: {} }
                        : { kind },
                  );
                  setFillKind(kind);
                }}
              >
                {FILL_KINDS.map((k) => (
                  <div key={k.value} className="flex items-center gap-2">
                    <RadioGroupItem
                      value={k.value}
                      id={`fill-${k.value}`}
                      data-testid={`new-queue-fill-${k.value}`}
                    />
                    <Label htmlFor={`fill-${k.value}`}>{k.label}</Label>
                  </div>
                ))}
              </RadioGroup>
              <FillFields kind={fillKind} graderOptions={graderOptions} />
            </div>
            <FormRootError />
            <DialogFormFooter
              onCancel={() => onOpenChange(false)}
              errorTestId="new-queue-error"
              busy={form.formState.isSubmitting}
              submitTestId="create-queue"
            >
              Create
            </DialogFormFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
