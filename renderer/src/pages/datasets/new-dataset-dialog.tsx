import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { useClient } from '../../app/client-context';
import { toClientError } from '../../client';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { fieldErrorsOf } from '../../lib/field-errors';
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
  const [creating, setCreating] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreating(true);
    setErrors({});
    setError(null);
    try {
      const created = await client.invoke('datasets.create', {
        name: values.name.trim(),
        interactionType: values.type,
        tags: splitTags(values.tags),
      });
      toast.success(`Created ${created.name}`);
      setValues(EMPTY);
      onCreated(created.name);
    } catch (err) {
      const clientError = toClientError(err);
      setError(clientError.toString());
      setErrors(fieldErrorsOf(clientError));
    } finally {
      setCreating(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="new-dataset-dialog" className="max-w-md">
        <DialogTitle>New dataset</DialogTitle>
        <DialogDescription>
          An empty dataset; add cases in the table or import a file.
        </DialogDescription>
        <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
          <DatasetFields
            idPrefix="new-dataset"
            values={values}
            onChange={setValues}
            nameError={errors.name}
            tagsError={errors.tags}
          />
          <DialogFormFooter
            onCancel={() => onOpenChange(false)}
            error={error}
            errorTestId="new-dataset-error"
            busy={creating}
            submitTestId="create-dataset"
          >
            Create
          </DialogFormFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
