import { useState } from 'react';
import { toast } from 'sonner';
import type { ChannelInput, ChannelOutput } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { toClientError } from '../../client';
import { evalHref, goTo } from './eval-route';

/** Starts the runs, then opens the run (one model) or the group's matrix (several). */
export function useStartRun(onStarted: (result: ChannelOutput<'evals.start'>) => void) {
  const client = useClient();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async (input: ChannelInput<'evals.start'>) => {
    setStarting(true);
    setError(null);
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
      setError(toClientError(err).toString());
    } finally {
      setStarting(false);
    }
  };

  return { start, starting, error };
}
