import { useState } from 'react';
import { toast } from 'sonner';
import type { DatasetSummary } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { useFormSubmit } from '../../lib/use-form-submit';
import { DatasetFields, type DatasetFieldValues } from './dataset-fields';
import { splitTags } from './tags-text';

interface EditDatasetDialogProps {
  dataset: DatasetSummary;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Saved; `name` is the dataset's name now (new if it was renamed). */
  onSaved: (name: string) => void;
}

const valuesOf = (d: DatasetSummary): DatasetFieldValues => ({
  name: d.name,
  type: d.interactionType,
  tags: d.tags.join(', '),
  description: d.description,
});

/**
 * Renames a dataset and edits its type, tags and description. Its cases and runs stay. Mount it
 * only while open, so each opening starts from the dataset as it is now.
 */
export function EditDatasetDialog({
  dataset,
  open,
  onOpenChange,
  onSaved,
}: EditDatasetDialogProps) {
  const client = useClient();
  const [values, setValues] = useState<DatasetFieldValues>(() => valuesOf(dataset));
  const form = useFormSubmit();

  const onSubmit = form.onSubmit(async () => {
    const newName = values.name.trim();
    const saved = await client.invoke('datasets.update', {
      name: dataset.name,
      ...(newName !== dataset.name ? { newName } : {}),
      ...(values.type !== dataset.interactionType ? { interactionType: values.type } : {}),
      description: values.description.trim(),
      tags: splitTags(values.tags),
    });
    toast.success(`Saved ${saved.name}`);
    onSaved(saved.name);
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="edit-dataset-dialog" className="max-w-md">
        <DialogTitle>Edit dataset</DialogTitle>
        <DialogDescription>Its cases and runs stay with it under a new name.</DialogDescription>
        <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={onSubmit}>
          <DatasetFields
            idPrefix="edit-dataset"
            values={values}
            onChange={setValues}
            nameError={form.fieldErrors.newName ?? form.fieldErrors.name}
            tagsError={form.fieldErrors.tags}
            withDescription
          />
          <DialogFormFooter
            onCancel={() => onOpenChange(false)}
            error={form.error}
            errorTestId="edit-dataset-error"
            busy={form.busy}
            submitTestId="save-dataset"
          >
            Save
          </DialogFormFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
