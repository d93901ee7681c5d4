import { useCallback, useState } from 'react';
import { toast } from 'sonner';
import type { RunView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';

/** Cancel and resume for one run; `onChanged` gets the run as the core sees it afterwards. */
export function useRunControl(runId: string, onChanged: (run: RunView) => void) {
  const client = useClient();
  const [busy, setBusy] = useState<'cancel' | 'resume' | null>(null);

  const cancel = useCallback(async () => {
    setBusy('cancel');
    try {
      const { cancelled } = await client.invoke('evals.cancel', { runId });
      if (!cancelled) toast.info('The run was not running any more');
      onChanged(await client.invoke('evals.get', { runId }));
    } catch {
      // Already toasted.
    } finally {
      setBusy(null);
    }
  }, [client, runId, onChanged]);

  const resume = useCallback(async () => {
    setBusy('resume');
    try {
      onChanged(await client.invoke('evals.resume', { runId }));
      toast.success('Resumed: stored results are kept, the rest run now');
    } catch {
      // Already toasted.
    } finally {
      setBusy(null);
    }
  }, [client, runId, onChanged]);

  return { cancel, resume, busy };
}
