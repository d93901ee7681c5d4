import { useState } from 'react';
import { toast } from 'sonner';
import type { ChannelInput, ChannelOutput, Preflight } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError } from '../../client';
import { evalHref, goTo } from './eval-route';
import { refusedPreflight } from './preflight-text';

/** Starts the runs, then opens the run (one model) or the group's matrix (several). */
export function useStartRun(onStarted: (result: ChannelOutput<'evals.start'>) => void) {
  const client = useClient();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<Preflight | null>(null);

  const start = async (input: ChannelInput<'evals.start'>) => {
    setStarting(true);
    setError(null);
    setRefused(null);
    try {
      const result = await client.invoke('evals.start', input);
      const [only] = result.runs;
      toast.success(
        result.runs.length === 1
          ? `Started ${only?.name ?? 'the run'}`
          : `Started ${result.runs.length} runs`,
      );
      onStarted(result);
      goTo(
        result.runs.length === 1 && only ? evalHref.run(only.id) : evalHref.group(result.groupId),
      );
    } catch (err) {
      const clientError = toClientError(err);
      const preflight = refusedPreflight(clientError.details);
      if (preflight) {
        // The dialog shows the refusal next to the fields it is about; the toasting client
        // already showed it as a toast (its id is the text), which would say it twice.
        toast.dismiss(clientError.toString());
        setRefused(preflight);
      } else setError(clientError.toString());
    } finally {
      setStarting(false);
    }
  };

  /** Forgets a refusal once the form changes: the pre-flight speaks for the new form. */
  const clearRefusal = () => setRefused(null);

  return { start, starting, error, refused, clearRefusal };
}
