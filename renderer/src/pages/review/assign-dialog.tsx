import { toast } from 'sonner';
import type { ReviewQueueView } from '../../../../shared/contract';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { useChannelMutation } from '../../query/channel-query';
import { showSubmitError, useContractForm } from '../../query/contract-form';
import { NumberInput } from '../graders/number-input';
import { assignFormSchema, assignOf, type AssignFormValues } from './queue-actions';

type V = AssignFormValues;

interface AssignDialogProps {
  readonly queue: ReviewQueueView;
  readonly onClose: () => void;
}

/**
 * Hands a queue's unassigned items to reviewers in turn (reviewQueues.assign): the names, and
 * how many of them each item goes to (two or more measure agreement).
 */
export function AssignDialog({ queue, onClose }: AssignDialogProps) {
  const form = useContractForm(assignFormSchema, {
    reviewers: queue.reviewers.map((r) => r.reviewer).join(', '),
    perItem: 1,
  });
  const assign = useChannelMutation('reviewQueues.assign', {
    meta: { form: true },
    invalidates: ['reviewQueues', 'review'],
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const done = await assign.mutateAsync({ queueId: queue.id, ...assignOf(values) });
      toast.success(
        done.assigned === 0
          ? `No open item in ${queue.name} to assign`
          : `Assigned ${done.assigned} item${done.assigned === 1 ? '' : 's'} in ${queue.name}`,
      );
      onClose();
    } catch (err) {
      showSubmitError(form, err);
    }
  });
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="assign-dialog" className="max-w-lg">
        <DialogTitle>Assign reviewers</DialogTitle>
        <DialogDescription>
          {`${queue.counts.unassigned} item${queue.counts.unassigned === 1 ? '' : 's'} of ${queue.name} no reviewer holds yet go to these reviewers in turn; items already held stay with their reviewer.`}
        </DialogDescription>
        <Form {...form}>
          <form noValidate className="mt-2 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
            <Field<V, 'reviewers'>
              name="reviewers"
              label="Reviewers"
              hint="Names separated by commas: each is the author of the scores their reviews give."
              render={(field) => (
                <Input {...field} autoFocus autoComplete="off" data-testid="assign-reviewers" />
              )}
            />
            <Field<V, 'perItem'>
              name="perItem"
              label="Reviewers per item"
              hint="1 shares the items out; 2 or more give each item to that many reviewers, for agreement."
              render={({ value, onChange, ...field }) => (
                <NumberInput
                  {...field}
                  value={value}
                  onChange={(v) => onChange(v ?? Number.NaN)}
                  inputMode="numeric"
                  className="w-24"
                  data-testid="assign-per-item"
                />
              )}
            />
            <FormRootError />
            <DialogFormFooter
              onCancel={onClose}
              busy={assign.isPending}
              submitTestId="assign-submit"
              errorTestId="assign-error"
            >
              Assign
            </DialogFormFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
