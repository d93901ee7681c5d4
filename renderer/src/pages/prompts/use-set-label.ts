import { useState } from 'react';
import { toast } from 'sonner';
import { useClient } from '../../app/client-context';

/** Points a label at a version with `prompts.setLabel` (promote or roll back). */
export function useSetLabel(name: string, onApplied: () => void) {
  const client = useClient();
  const [applying, setApplying] = useState(false);

  const apply = async (label: string, version: string): Promise<boolean> => {
    setApplying(true);
    try {
      await client.invoke('prompts.setLabel', { name, label, version });
      toast.success(`${name}: ${label} → ${version}`);
      onApplied();
      return true;
    } catch {
      // The toasting client reported it.
      return false;
    } finally {
      setApplying(false);
    }
  };

  return { apply, applying };
}
