import { useCallback, useState } from 'react';
import { toast } from 'sonner';
import { useClient } from '../../app/client-context';

interface RemovalHandlers {
  /** The dataset is gone from the list: leave it. */
  onDeleted: (name: string) => void;
  /** Undo brought it back: show it again. */
  onRestored: (name: string) => void;
}

/**
 * Deletes a dataset at once, with Undo in the toast rather than a confirmation first: the delete
 * is soft (cases and runs stay), so a mistake costs one click. The client toasts coded errors.
 */
export function useDatasetRemoval({ onDeleted, onRestored }: RemovalHandlers) {
  const client = useClient();
  const [deleting, setDeleting] = useState(false);

  const restore = useCallback(
    async (name: string) => {
      try {
        await client.invoke('datasets.restore', { name });
        toast.success(`Restored ${name}`);
        onRestored(name);
      } catch {
        // Toasted by the client.
      }
    },
    [client, onRestored],
  );

  const remove = useCallback(
    async (name: string) => {
      setDeleting(true);
      try {
        await client.invoke('datasets.delete', { name });
        onDeleted(name);
        toast.success(`Deleted ${name}`, {
          action: { label: 'Undo', onClick: () => void restore(name) },
        });
      } catch {
        // Toasted by the client.
      } finally {
        setDeleting(false);
      }
    },
    [client, onDeleted, restore],
  );

  return { remove, deleting };
}
