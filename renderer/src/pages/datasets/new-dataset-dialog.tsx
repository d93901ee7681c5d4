import { toast } from 'sonner';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Form, FormRootError } from '../../components/ui/form';
import { useChannelMutation } from '../../query/channel-query';
import { showSubmitError, useContractForm } from '../../query/contract-form';
import { DatasetFields, datasetFormSchema } from './dataset-fields';
import { openDataset } from './dataset-route';

/**
 * Creates an empty dataset and opens it; cases are added there or imported afterwards. Mount it
 * only while open, so each opening starts empty.
 */
export function NewDatasetDialog({ onClose }: { onClose: () => void }) {
  const form = useContractForm(datasetFormSchema, {
    name: '',
    interactionType: 'chat',
    tags: '',
    description: '',
  });
  const create = useChannelMutation('datasets.create', { meta: { form: true } });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const created = await create.mutateAsync(values);
      toast.success(`Created ${created.name}`);
      onClose();
      openDataset(created.name);
    } catch (err) {
      showSubmitError(form, err);
    }
  });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="new-dataset-dialog" className="max-w-md">
        <DialogTitle>New dataset</DialogTitle>
        <DialogDescription>
          An empty dataset; add cases in the table or import a file.
        </DialogDescription>
        <Form {...form}>
          <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
            <DatasetFields idPrefix="new-dataset" />
            <FormRootError />
            <DialogFormFooter
              onCancel={onClose}
              errorTestId="new-dataset-error"
              busy={create.isPending}
              submitTestId="create-dataset"
            >
              Create
            </DialogFormFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
