import { toast } from 'sonner';
import { useChannelMutation } from '../../query/channel-query';
import { openDataset } from './dataset-route';

/**
 * Deletes a dataset at once, with Undo in the toast rather than a confirmation first: the delete
 * is soft (cases and runs stay), so a mistake costs one click. Errors toast.
 */
export function useDatasetRemoval() {
  const restorer = useChannelMutation('datasets.restore', {
    onSuccess: ({ name }) => {
      toast.success(`Restored ${name}`);
      openDataset(name);
    },
  });
  const deleter = useChannelMutation('datasets.delete', {
    onSuccess: (_out, { name }) => {
      openDataset(null);
      toast.success(`Deleted ${name}`, {
        action: { label: 'Undo', onClick: () => restorer.mutate({ name }) },
      });
    },
  });
  return {
    remove: (name: string) => deleter.mutate({ name }),
    deleting: deleter.isPending,
  };
}
