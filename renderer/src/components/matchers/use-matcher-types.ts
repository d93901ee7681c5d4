import type { MatcherTypeView } from '../../../../shared/contract';
import { useChannelQuery } from '../../query/channel-query';

/**
 * The matcher types the core knows, with their options (read from each matcher's own schema).
 * They only change with the app, so they are asked once; null until the answer arrives or
 * while `enabled` is false (a closed dialog asks nothing).
 */
export function useMatcherTypes(enabled = true): readonly MatcherTypeView[] | null {
  const { data } = useChannelQuery('evals.matcherTypes', enabled ? {} : null, {
    staleTime: Infinity,
  });
  return data?.types ?? null;
}
