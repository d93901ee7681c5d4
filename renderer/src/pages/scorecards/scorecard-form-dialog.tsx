import type { ScorecardView } from '../../../../shared/contract';
import { Field } from '../../components/ui/form';
import { useChannelMutation } from '../../query/channel-query';
import { useContractForm } from '../../query/contract-form';
import { NumberInput } from '../graders/number-input';
import { VersionedFormDialog } from '../quality-shared/versioned-form-dialog';
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

  return (
    <VersionedFormDialog
      noun="scorecard"
      form={form}
      editing={
        card && {
          name: card.name,
          save: async (values) => {
            const saved = await update.mutateAsync({
              id: card.id,
              description: values.description,
              body: values.body,
            });
            return `Saved ${saved.name} as version ${saved.version}`;
          },
        }
      }
      description="Graders with weights; a target passes when the weighted mean of its normalized scores reaches the threshold."
      className="max-w-2xl"
      busy={create.isPending || update.isPending}
      create={(values) => create.mutateAsync(values)}
      onClose={onClose}
    >
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
    </VersionedFormDialog>
  );
}
