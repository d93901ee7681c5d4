import { useQuery } from '@tanstack/react-query';
import type { TopicPayload } from '../../../shared/contract';

export type ProgressEvent = TopicPayload<'eval.progress'>;

/** Where EventInvalidation keeps each run's latest `eval.progress` event. */
export function progressKey(runId: string) {
  return ['eval.progress', runId] as const;
}

/** The run's latest progress event, if one arrived since the workbench opened. */
export function useRunProgress(runId: string): ProgressEvent | undefined {
  return useQuery<ProgressEvent>({
    queryKey: progressKey(runId),
    // Filled by events only: nothing to fetch.
    queryFn: () => Promise.reject(new Error('progress arrives on the event stream')),
    enabled: false,
    staleTime: Infinity,
  }).data;
}
