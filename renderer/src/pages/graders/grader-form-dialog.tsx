import { toast } from 'sonner';
import type { GraderView } from '../../../../shared/contract';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { useChannelMutation } from '../../query/channel-query';
import { useContractForm } from '../../query/contract-form';
import { showServerError } from './show-server-error';
import { CodeTextarea } from '../datasets/code-textarea';
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
  const busy = create.isPending || update.isPending;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (grader) {
        const saved = await update.mutateAsync(updateInputOf(grader.id, values));
        toast.success(
          saved.latest.version === grader.latest.version
            ? 'Nothing changed: no new version'
            : `Saved ${saved.name} as version ${saved.latest.version}`,
        );
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
      <DialogContent data-testid="grader-form" className="max-h-[90vh] max-w-3xl overflow-y-auto">
        <DialogTitle>{grader ? `Edit ${grader.name}` : 'New grader'}</DialogTitle>
        <DialogDescription>
          {grader
            ? 'Saving makes a new version; scores keep the version that gave them.'
            : 'What it checks, how, and what scores it gives.'}
        </DialogDescription>
        <Form {...form}>
          <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
            <Field<V, 'name'>
              name="name"
              label="Name"
              render={(field) => (
                <Input
                  {...field}
                  disabled={grader !== null}
                  data-testid="grader-form-name"
                  autoFocus
                />
              )}
            />
            <Field<V, 'description'>
              name="description"
              label="Description"
              render={({ value, ...field }) => (
                <Input {...field} value={value ?? ''} data-testid="grader-form-description" />
              )}
            />
            <DefinitionFields kindLocked={grader !== null} />
            <ScoreConfigFields />
            <Field<V, 'rubric'>
              name="rubric"
              label="Rubric"
              hint="What the grader checks and how each score is earned: shown to reviewers and given to judges."
              render={({ value, ...field }) => (
                <CodeTextarea
                  {...field}
                  value={value ?? ''}
                  rows={5}
                  data-testid="grader-form-rubric"
                />
              )}
            />
            <FormRootError />
            <DialogFormFooter
              onCancel={() => onClose()}
              errorTestId="grader-form-error"
              busy={busy}
              submitTestId="save-grader"
            >
              {grader ? 'Save version' : 'Create'}
            </DialogFormFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
