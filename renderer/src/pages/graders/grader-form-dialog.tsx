import type { GraderView } from '../../../../shared/contract';
import { Field } from '../../components/ui/form';
import { useChannelMutation } from '../../query/channel-query';
import { useContractForm } from '../../query/contract-form';
import { CodeTextarea } from '../datasets/code-textarea';
import { VersionedFormDialog } from '../quality-shared/versioned-form-dialog';
import { DefinitionFields } from './definition-fields';
import {
  formValuesOf,
  graderFormSchema,
  updateInputOf,
  type GraderFormValues,
} from './grader-form';
import { ScoreConfigFields } from './score-config-fields';

type V = GraderFormValues;

interface GraderFormDialogProps {
  /** The grader to edit; null creates one. */
  readonly grader: GraderView | null;
  /** Closed; with the new grader's id after a create. */
  readonly onClose: (createdId?: string) => void;
}

/**
 * Creates a grader, or saves a new version of one. Validated in the browser by the contract's
 * schema; what only the core can judge (a name taken, a matcher that cannot give this config)
 * comes back as issues shown at their fields.
 */
export function GraderFormDialog({ grader, onClose }: GraderFormDialogProps) {
  const form = useContractForm(graderFormSchema, formValuesOf(grader));
  const create = useChannelMutation('graders.create', { meta: { form: true } });
  const update = useChannelMutation('graders.update', { meta: { form: true } });

  return (
    <VersionedFormDialog
      noun="grader"
      form={form}
      editing={
        grader && {
          name: grader.name,
          save: async (values) => {
            const saved = await update.mutateAsync(updateInputOf(grader.id, values));
            return saved.latest.version === grader.latest.version
              ? 'Nothing changed: no new version'
              : `Saved ${saved.name} as version ${saved.latest.version}`;
          },
        }
      }
      description={
        grader
          ? 'Saving makes a new version; scores keep the version that gave them.'
          : 'What it checks, how, and what scores it gives.'
      }
      className="max-w-3xl"
      busy={create.isPending || update.isPending}
      create={(values) => create.mutateAsync(values)}
      onClose={onClose}
    >
      <DefinitionFields kindLocked={grader !== null} />
      <ScoreConfigFields />
      <Field<V, 'rubric'>
        name="rubric"
        label="Rubric"
        hint="What the grader checks and how each score is earned: shown to reviewers and given to judges."
        render={({ value, ...field }) => (
          <CodeTextarea {...field} value={value ?? ''} rows={5} data-testid="grader-form-rubric" />
        )}
      />
    </VersionedFormDialog>
  );
}
