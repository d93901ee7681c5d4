import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
  type QueryKey,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { ClientError } from '../client';
import { useQueryTransport } from './query-transport';

/**
 * Every query is keyed by its channel and its input: `['evals.get', { runId }]`. Invalidating
 * `['evals.get']` refreshes every run's view; `channelDomain` groups channels by the part before
 * the dot (`evals`), which is what a mutation invalidates by default.
 */
export function channelKey<C extends Channel>(channel: C, input?: ChannelInput<C>): QueryKey {
  return input === undefined ? [channel] : [channel, input];
}

export function channelDomain(channel: string): string {
  return channel.slice(0, channel.indexOf('.'));
}

/** Invalidates every query of the given domains (`'evals'`) or channels (`'evals.get'`). */
export function invalidateChannels(client: QueryClient, names: readonly string[]): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) => {
      const channel = query.queryKey[0];
      if (typeof channel !== 'string') return false;
      return names.some((name) => channel === name || channelDomain(channel) === name);
    },
  });
}

type ChannelQueryOptions<C extends Channel> = Omit<
  UseQueryOptions<ChannelOutput<C>, ClientError>,
  'queryKey' | 'queryFn'
>;

/**
 * One channel's answer to `input` (null asks nothing). The previous answer stays on screen
 * while a new input loads, so a search or a page change does not blank the page.
 */
export function useChannelQuery<C extends Channel>(
  channel: C,
  input: ChannelInput<C> | null,
  options: ChannelQueryOptions<C> = {},
) {
  const transport = useQueryTransport();
  return useQuery<ChannelOutput<C>, ClientError>({
    queryKey: channelKey(channel, input ?? undefined),
    queryFn: () => transport.invoke(channel, input as ChannelInput<C>),
    enabled: input !== null && (options.enabled ?? true),
    placeholderData: keepPreviousData,
    ...options,
  });
}

type ChannelMutationOptions<C extends Channel, Ctx> = Omit<
  UseMutationOptions<ChannelOutput<C>, ClientError, ChannelInput<C>, Ctx>,
  'mutationFn'
> & {
  /** Domains or channels to refresh once it succeeds; by default the channel's own domain. */
  readonly invalidates?: readonly string[];
};

/** Calls a channel that changes something, then refreshes what it changed. */
export function useChannelMutation<C extends Channel, Ctx = unknown>(
  channel: C,
  { invalidates, onSettled, ...options }: ChannelMutationOptions<C, Ctx> = {},
) {
  const transport = useQueryTransport();
  const queryClient = useQueryClient();
  return useMutation<ChannelOutput<C>, ClientError, ChannelInput<C>, Ctx>({
    mutationFn: (input) => transport.invoke(channel, input),
    ...options,
    onSettled: async (...args) => {
      await invalidateChannels(queryClient, invalidates ?? [channelDomain(channel)]);
      await onSettled?.(...args);
    },
  });
}

/**
 * An optimistic change to one cached answer: applies `update` now and returns the function that
 * puts the old answer back (for onError).
 */
export function patchQuery<C extends Channel>(
  queryClient: QueryClient,
  channel: C,
  input: ChannelInput<C>,
  update: (current: ChannelOutput<C>) => ChannelOutput<C>,
): () => void {
  const key = channelKey(channel, input);
  const previous = queryClient.getQueryData<ChannelOutput<C>>(key);
  if (previous !== undefined) queryClient.setQueryData<ChannelOutput<C>>(key, update(previous));
  return () => queryClient.setQueryData(key, previous);
}
