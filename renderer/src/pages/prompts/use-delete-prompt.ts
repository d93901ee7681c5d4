import { useState } from 'react';
import { toast } from 'sonner';
import { useClient } from '../../app/client-context';

/** Soft-deletes with `prompts.delete`; the success toast offers Undo (a restore). */
export function useDeletePrompt(onDeleted: () => void, restore: (name: string) => void) {
  const client = useClient();
  const [deleting, setDeleting] = useState(false);

  const remove = async (name: string) => {
    setDeleting(true);
    try {
      await client.invoke('prompts.delete', { name });
      toast.success(`Deleted ${name}`, {
        description: 'Find it again with "Show deleted".',
        action: { label: 'Undo', onClick: () => restore(name) },
        duration: 8000,
      });
      onDeleted();
    } catch {
      // The toasting client reported it.
    } finally {
      setDeleting(false);
    }
  };

  return { remove, deleting };
}
