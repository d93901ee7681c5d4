import { toast } from 'sonner';
import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { toClientError } from '../../client';
import { useChannelMutation } from '../../query/channel-query';
import { showCaseError } from '../../pages/datasets/case-form';
import type { saveCaseSchema } from './save-case-form';
import { NEW_DATASET, rememberDataset, type SaveCaseValues } from './save-case-form';

type SaveCaseForm = UseFormReturn<SaveCaseValues, unknown, z.output<typeof saveCaseSchema>>;

/**
 * Saves an edited span draft as a case (cases.fromSpan), creating the dataset first when a new
 * one was named. What the core refuses shows once, next to the field it names.
 */
export function useSaveCase(spanId: string, form: SaveCaseForm, onSaved: () => void) {
  const create = useChannelMutation('datasets.create', { meta: { form: true } });
  const fromSpan = useChannelMutation('cases.fromSpan', {
    invalidates: ['cases', 'datasets'],
    meta: { form: true },
  });

  const save = async (values: z.output<typeof saveCaseSchema>) => {
    const { picked, newName, ...fields } = values;
    const creating = picked === NEW_DATASET;
    const dataset = creating ? newName.trim() : picked;
    if (creating) {
      try {
        await create.mutateAsync({ name: dataset });
      } catch (err) {
        // datasets.create names its field `name`: here that is the new dataset's name.
        form.setError('newName', { message: toClientError(err).message });
        return;
      }
      // Made on the way: a retry after a refused case adds to it rather than making it again.
      form.setValue('picked', dataset);
      form.setValue('newName', '');
    }
    try {
      const added = await fromSpan.mutateAsync({ spanId, dataset, ...fields });
      rememberDataset(dataset);
      toast.success(`Added as case #${added.position} of ${dataset}`);
      onSaved();
    } catch (err) {
      showCaseError(form, err);
    }
  };

  return { save, busy: create.isPending || fromSpan.isPending };
}
