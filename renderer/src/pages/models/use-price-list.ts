import { useChannelQuery } from '../../query/channel-query';

/** The catalog merged with overrides, from `prices.list`; a save or reset refreshes it. */
export function usePriceList() {
  const { data, error, refetch } = useChannelQuery('prices.list', {});
  return { list: data ?? null, error, reload: () => void refetch() };
}
