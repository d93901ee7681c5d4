import { toast } from 'sonner';
import { useChannelMutation } from '../../query/channel-query';

/** Soft-deletes with `prompts.delete`; the success toast offers Undo (a restore). */
export function useDeletePrompt(onDeleted: () => void, restore: (name: string) => void) {
  const mutation = useChannelMutation('prompts.delete', {
    onSuccess: (_result, { name }) => {
      toast.success(`Deleted ${name}`, {
        description: 'Find it again with "Show deleted".',
        action: { label: 'Undo', onClick: () => restore(name) },
        duration: 8000,
      });
      onDeleted();
    },
  });
  return { remove: (name: string) => mutation.mutate({ name }), deleting: mutation.isPending };
}
