import { useCallback } from 'react';
import { toast } from 'sonner';
import type { RunView } from '../../../../shared/contract';
import { useChannelMutation } from '../../query/channel-query';
import { useQueryTransport } from '../../query/query-transport';

/** Cancel and resume for one run; `onChanged` gets the run as the core sees it afterwards. */
export function useRunControl(runId: string, onChanged: (run: RunView) => void) {
  const transport = useQueryTransport();
  // Failures toast (the query client's policy): there is no form to show them in.
  const cancelRun = useChannelMutation('evals.cancel', {
    onSuccess: async ({ cancelled }) => {
      if (!cancelled) toast.info('The run was not running any more');
      onChanged(await transport.invoke('evals.get', { runId }));
    },
  });
  const resumeRun = useChannelMutation('evals.resume', {
    onSuccess: (run) => {
      onChanged(run);
      toast.success('Resumed: stored results are kept, the rest run now');
    },
  });
  const { mutate: cancelMutate } = cancelRun;
  const { mutate: resumeMutate } = resumeRun;
  const cancel = useCallback(() => cancelMutate({ runId }), [cancelMutate, runId]);
  const resume = useCallback(() => resumeMutate({ runId }), [resumeMutate, runId]);
  const busy: 'cancel' | 'resume' | null = cancelRun.isPending
    ? 'cancel'
    : resumeRun.isPending
      ? 'resume'
      : null;
  return { cancel, resume, busy };
}
