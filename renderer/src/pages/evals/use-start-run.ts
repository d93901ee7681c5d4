import { useState } from 'react';
import { toast } from 'sonner';
import type { ChannelInput, ChannelOutput, Preflight } from '../../../../shared/contract';
import type { ClientError } from '../../client';
import { useChannelMutation } from '../../query/channel-query';
import { evalHref, goTo } from './eval-route';
import { refusedPreflight } from './preflight-text';

/** Starts the runs, then opens the run (one model) or the group's matrix (several). */
export function useStartRun(onStarted: (result: ChannelOutput<'evals.start'>) => void) {
  const [refused, setRefused] = useState<Preflight | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const mutation = useChannelMutation('evals.start', {
    // The dialog shows what went wrong (next to the field, or above Start): no toast.
    meta: { form: true },
    onSuccess: (result) => {
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
    },
    onError: (err) => {
      const preflight = refusedPreflight(err.details);
      if (preflight) setRefused(preflight);
      else setError(err);
    },
  });

  const start = (input: ChannelInput<'evals.start'>) => {
    setRefused(null);
    setError(null);
    mutation.mutate(input);
  };

  /** Forgets a refusal or an error once the form changes: the pre-flight speaks for it. */
  const clearRefusal = () => {
    setRefused(null);
    setError(null);
  };

  return { start, starting: mutation.isPending, error, refused, clearRefusal };
}
