import { toast } from 'sonner';
import type { ScorecardView } from '../../../../shared/contract';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { useChannelMutation } from '../../query/channel-query';
import { useContractForm } from '../../query/contract-form';
import { showServerError } from '../graders/show-server-error';
import { NumberInput } from '../graders/number-input';
import {
  scorecardFormSchema,
  scorecardFormValues,
  type ScorecardFormValues,
} from './scorecard-form';
import { ScorecardItemFields } from './scorecard-item-fields';

type V = ScorecardFormValues;

interface ScorecardFormDialogProps {
  /** The scorecard to edit (at its latest version); null creates one. */
  readonly card: ScorecardView | null;
  readonly onClose: (createdId?: string) => void;
}

/**
 * Creates a scorecard or saves a new version of one. A grader listed twice, archived, or a pin
 * the grader lacks comes back from the core as an issue at that item's field.
 */
export function ScorecardFormDialog({ card, onClose }: ScorecardFormDialogProps) {
  const form = useContractForm(scorecardFormSchema, scorecardFormValues(card));
  const create = useChannelMutation('scorecards.create', { meta: { form: true } });
  const update = useChannelMutation('scorecards.update', { meta: { form: true } });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (card) {
        const saved = await update.mutateAsync({
          id: card.id,
          description: values.description,
          body: values.body,
        });
        toast.success(`Saved ${saved.name} as version ${saved.version}`);
        onClose();
      } else {
        const created = await create.mutateAsync(values);
        toast.success(`Created ${created.name}`);
        onClose(created.id);
      }
    } catch (err) {
      showServerError(form, err);
    }
  });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        data-testid="scorecard-form"
        className="max-h-[90vh] max-w-2xl overflow-y-auto"
      >
        <DialogTitle>{card ? `Edit ${card.name}` : 'New scorecard'}</DialogTitle>
        <DialogDescription>
          Graders with weights; a target passes when the weighted mean of its normalized scores
          reaches the threshold.
        </DialogDescription>
        <Form {...form}>
          <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
            <Field<V, 'name'>
              name="name"
              label="Name"
              render={(field) => (
                <Input
                  {...field}
                  disabled={card !== null}
                  data-testid="scorecard-form-name"
                  autoFocus
                />
              )}
            />
            <Field<V, 'description'>
              name="description"
              label="Description"
              render={({ value, ...field }) => (
                <Input {...field} value={value ?? ''} data-testid="scorecard-form-description" />
              )}
            />
            <ScorecardItemFields />
            <Field<V, 'body.passThreshold'>
              name="body.passThreshold"
              label="Pass threshold"
              hint="0 to 1: the weighted mean of normalized scores at or above which a target passes."
              className="w-56"
              render={({ value, onChange, ...field }) => (
                <NumberInput
                  {...field}
                  value={value}
                  onChange={onChange}
                  data-testid="scorecard-form-threshold"
                />
              )}
            />
            <FormRootError />
            <DialogFormFooter
              onCancel={() => onClose()}
              errorTestId="scorecard-form-error"
              busy={create.isPending || update.isPending}
              submitTestId="save-scorecard"
            >
              {card ? 'Save version' : 'Create'}
            </DialogFormFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
