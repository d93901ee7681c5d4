import { toast } from 'sonner';
import { useChannelMutation } from '../../query/channel-query';

/** Undoes a soft delete with `prompts.restore`; a failure toasts. */
export function useRestorePrompt(onRestored: (name: string) => void) {
  const mutation = useChannelMutation('prompts.restore', {
    onSuccess: (_summary, { name }) => {
      toast.success(`Restored ${name}`);
      onRestored(name);
    },
  });
  return {
    restore: (name: string) => mutation.mutate({ name }),
    restoring: mutation.isPending ? (mutation.variables?.name ?? null) : null,
  };
}
