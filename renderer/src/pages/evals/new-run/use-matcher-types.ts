import { useChannelQuery } from '../../../query/channel-query';

/** The matcher types a run can add (they only change with the app: asked once). */
export function useMatcherTypes(open: boolean) {
  const { data } = useChannelQuery('evals.matcherTypes', open ? {} : null, {
    staleTime: Infinity,
  });
  return data?.types ?? null;
}
