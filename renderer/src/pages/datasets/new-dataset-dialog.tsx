import { useState } from 'react';
import { toast } from 'sonner';
import { useClient } from '../../app/client-context';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { useFormSubmit } from '../../lib/use-form-submit';
import { DatasetFields, type DatasetFieldValues } from './dataset-fields';
import { splitTags } from './tags-text';

interface NewDatasetDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (name: string) => void;
}

const EMPTY: DatasetFieldValues = { name: '', type: 'chat', tags: '', description: '' };

/** Creates an empty dataset; cases are added in the table or imported afterwards. */
export function NewDatasetDialog({ open, onOpenChange, onCreated }: NewDatasetDialogProps) {
  const client = useClient();
  const [values, setValues] = useState<DatasetFieldValues>(EMPTY);
  const form = useFormSubmit();

  const onSubmit = form.onSubmit(async () => {
    const created = await client.invoke('datasets.create', {
      name: values.name.trim(),
      interactionType: values.type,
      tags: splitTags(values.tags),
    });
    toast.success(`Created ${created.name}`);
    setValues(EMPTY);
    onCreated(created.name);
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="new-dataset-dialog" className="max-w-md">
        <DialogTitle>New dataset</DialogTitle>
        <DialogDescription>
          An empty dataset; add cases in the table or import a file.
        </DialogDescription>
        <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={onSubmit}>
          <DatasetFields
            idPrefix="new-dataset"
            values={values}
            onChange={setValues}
            nameError={form.fieldErrors.name}
            tagsError={form.fieldErrors.tags}
          />
          <DialogFormFooter
            onCancel={() => onOpenChange(false)}
            error={form.error}
            errorTestId="new-dataset-error"
            busy={form.busy}
            submitTestId="create-dataset"
          >
            Create
          </DialogFormFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
