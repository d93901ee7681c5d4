import { toast } from 'sonner';
import type { z } from 'zod';
import { useChannelMutation } from '../../query/channel-query';
import { showCaseError } from '../../pages/datasets/case-form';
import type { saveCaseSchema } from './save-case-form';
import { rememberDataset } from './save-case-form';
import { useCaseDataset, type SaveCaseForm } from './use-case-dataset';

/**
 * Saves an edited span draft as a case (cases.fromSpan), creating the dataset first when a new
 * one was named. What the core refuses shows once, next to the field it names.
 */
export function useSaveCase(spanId: string, form: SaveCaseForm, onSaved: () => void) {
  const { target, creating } = useCaseDataset(form);
  const fromSpan = useChannelMutation('cases.fromSpan', {
    invalidates: ['cases', 'datasets'],
    meta: { form: true },
  });

  const save = async (values: z.output<typeof saveCaseSchema>) => {
    const { picked, newName, ...fields } = values;
    const dataset = await target({ picked, newName });
    if (dataset === null) return;
    try {
      const added = await fromSpan.mutateAsync({ spanId, dataset, ...fields });
      rememberDataset(dataset);
      toast.success(`Added as case #${added.position} of ${dataset}`);
      onSaved();
    } catch (err) {
      showCaseError(form, err);
    }
  };

  return { save, busy: creating || fromSpan.isPending };
}
