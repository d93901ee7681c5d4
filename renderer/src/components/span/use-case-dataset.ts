import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { toClientError } from '../../client';
import { useChannelMutation } from '../../query/channel-query';
import type { saveCaseSchema, SaveCaseValues } from './save-case-form';
import { NEW_DATASET } from './save-case-form';

export type SaveCaseForm = UseFormReturn<SaveCaseValues, unknown, z.output<typeof saveCaseSchema>>;

/**
 * The dataset a saved case goes into: the one picked, or a new one made on the way (its name
 * refused next to the name field). Once made, the form points at it, so a retry after a
 * refused case adds to it rather than making it again. Null when it could not be made.
 */
export function useCaseDataset(form: SaveCaseForm) {
  const create = useChannelMutation('datasets.create', { meta: { form: true } });

  const target = async (
    values: Pick<SaveCaseValues, 'picked' | 'newName'>,
  ): Promise<string | null> => {
    if (values.picked !== NEW_DATASET) return values.picked;
    const dataset = values.newName.trim();
    try {
      await create.mutateAsync({ name: dataset });
    } catch (err) {
      // datasets.create names its field `name`: here that is the new dataset's name.
      form.setError('newName', { message: toClientError(err).message });
      return null;
    }
    form.setValue('picked', dataset);
    form.setValue('newName', '');
    return dataset;
  };

  return { target, creating: create.isPending };
}
