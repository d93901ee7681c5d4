import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ChannelInput, Preflight } from '../../../../shared/contract';
import { toClientError, type ClientError } from '../../client';
import { channelKey } from '../../query/channel-query';
import { useQueryTransport } from '../../query/query-transport';
import { preflightInputOf, type RunForm } from './run-form';

/** Waits this long after the last change (a model id typed key by key) before checking again. */
const DEBOUNCE_MS = 300;

type Answer = { ok: true; preflight: Preflight } | { ok: false; error: ClientError };

/** The value once it has stayed the same for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const text = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
    // Compared by content: the form builds a new input object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, ms]);
  return settled;
}

/**
 * The pre-flight of the run the form describes (evals.preflight), asked again as the dataset,
 * prompt, models and scorers change; nothing is asked until a dataset and a prompt are picked.
 * Its failure is an answer here, not a toast: the dialog shows it where it belongs (an added
 * scorer's option, else under the prompt).
 */
export function usePreflight(form: RunForm, open: boolean) {
  const transport = useQueryTransport();
  const input: ChannelInput<'evals.preflight'> | null = open ? preflightInputOf(form) : null;
  const settled = useSettled(input, DEBOUNCE_MS);
  const query = useQuery<Answer>({
    queryKey: [...channelKey('evals.preflight', settled ?? undefined), 'answer'],
    queryFn: () =>
      transport.invoke('evals.preflight', settled as ChannelInput<'evals.preflight'>).then(
        (preflight): Answer => ({ ok: true, preflight }),
        (err: unknown): Answer => ({ ok: false, error: toClientError(err) }),
      ),
    enabled: settled !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const asked = input !== null;
  const answer = asked ? query.data : undefined;
  const current =
    asked &&
    JSON.stringify(settled) === JSON.stringify(input) &&
    !query.isPlaceholderData &&
    !query.isFetching;
  return {
    /** The last answer while a dataset and prompt are picked (it stays while the next loads). */
    preflight: answer?.ok ? answer.preflight : null,
    current,
    /** The check itself failed (an empty dataset, a prompt that is gone, a bad scorer). */
    error: answer && !answer.ok ? answer.error : null,
    asked,
  };
}
