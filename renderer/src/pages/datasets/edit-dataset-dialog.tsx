import { toast } from 'sonner';
import type { DatasetSummary } from '../../../../shared/contract';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Form, FormRootError } from '../../components/ui/form';
import { useChannelMutation } from '../../query/channel-query';
import { showSubmitError, useContractForm } from '../../query/contract-form';
import { DatasetFields, datasetFormSchema } from './dataset-fields';

interface EditDatasetDialogProps {
  dataset: DatasetSummary;
  onClose: () => void;
  /** Saved; `name` is the dataset's name now (new if it was renamed). */
  onSaved: (name: string) => void;
}

/**
 * Renames a dataset and edits its type, tags and description. Its cases and runs stay. Mount it
 * only while open, so each opening starts from the dataset as it is now.
 */
export function EditDatasetDialog({ dataset, onClose, onSaved }: EditDatasetDialogProps) {
  const form = useContractForm(datasetFormSchema, {
    name: dataset.name,
    interactionType: dataset.interactionType,
    tags: dataset.tags.join(', '),
    description: dataset.description,
  });
  const update = useChannelMutation('datasets.update', { meta: { form: true } });

  const onSubmit = form.handleSubmit(async ({ name, interactionType, description, tags }) => {
    try {
      const saved = await update.mutateAsync({
        name: dataset.name,
        ...(name !== dataset.name ? { newName: name } : {}),
        ...(interactionType !== dataset.interactionType ? { interactionType } : {}),
        description: description.trim(),
        tags,
      });
      toast.success(`Saved ${saved.name}`);
      onSaved(saved.name);
    } catch (err) {
      // The core names the new name `newName`; the form calls it `name`.
      const error = err as { details?: { issues?: { path?: string }[] } };
      for (const issue of error.details?.issues ?? [])
        if (issue.path === 'newName') issue.path = 'name';
      showSubmitError(form, err);
    }
  });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="edit-dataset-dialog" className="max-w-md">
        <DialogTitle>Edit dataset</DialogTitle>
        <DialogDescription>Its cases and runs stay with it under a new name.</DialogDescription>
        <Form {...form}>
          <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
            <DatasetFields idPrefix="edit-dataset" withDescription />
            <FormRootError />
            <DialogFormFooter
              onCancel={onClose}
              errorTestId="edit-dataset-error"
              busy={update.isPending}
              submitTestId="save-dataset"
            >
              Save
            </DialogFormFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
