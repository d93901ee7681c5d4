import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { toast } from 'sonner';
import type { ChannelInput, ChannelOutput, Preflight } from '../../../../shared/contract';
import { useChannelMutation } from '../../query/channel-query';
import { showSubmitError } from '../../query/contract-form';
import { evalHref, goTo } from './eval-route';
import type { RunFormValues } from './new-run/run-form-schema';
import { refusedPreflight } from './preflight-text';

/**
 * Starts the runs, then opens the run (one model) or the group's matrix (several). A refusal
 * of the pre-flight is kept to show with the problems it found; any other failure shows in the
 * form, once: next to the field it names, else above Start (no toast).
 */
export function useStartRun(
  form: UseFormReturn<RunFormValues, unknown, ChannelInput<'evals.start'>>,
  onStarted: (result: ChannelOutput<'evals.start'>) => void,
) {
  const [refused, setRefused] = useState<Preflight | null>(null);
  const mutation = useChannelMutation('evals.start', {
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
      else showSubmitError(form, err);
    },
  });

  const start = (input: ChannelInput<'evals.start'>) => {
    setRefused(null);
    mutation.mutate(input);
  };

  /** Forgets a refusal once the form changes: the pre-flight speaks for it. */
  const clearRefusal = () => setRefused(null);

  return { start, starting: mutation.isPending, refused, clearRefusal };
}
