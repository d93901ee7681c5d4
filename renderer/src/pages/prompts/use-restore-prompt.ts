import { useState } from 'react';
import { toast } from 'sonner';
import { useClient } from '../../app/client-context';

/** Undoes a soft delete with `prompts.restore`. */
export function useRestorePrompt(onRestored: (name: string) => void) {
  const client = useClient();
  const [restoring, setRestoring] = useState<string | null>(null);

  const restore = async (name: string) => {
    setRestoring(name);
    try {
      await client.invoke('prompts.restore', { name });
      toast.success(`Restored ${name}`);
      onRestored(name);
    } catch {
      // The toasting client reported it.
    } finally {
      setRestoring(null);
    }
  };

  return { restore, restoring };
}
