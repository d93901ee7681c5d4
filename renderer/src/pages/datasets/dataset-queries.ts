import { useDeferredValue } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import { useChannelQuery } from '../../query/channel-query';

export const PAGE_SIZE = 100;

/** `datasets.list`, searched by name and description. */
export function useDatasetList(search: string) {
  const text = useDeferredValue(search.trim());
  const query = useChannelQuery('datasets.list', text ? { search: text } : {});
  return { datasets: query.data?.datasets ?? null, error: query.error };
}

/** One dataset's summary (count, type, tags): `datasets.get` without its cases. */
export function useDatasetSummary(name: string) {
  const query = useChannelQuery('datasets.get', { name, limit: 1 });
  // The previous dataset's summary stays while another loads: not shown under the new name.
  const summary = query.data?.dataset.name === name ? query.data.dataset : null;
  return { summary, error: query.error };
}

/** The `cases.list` input of a page; optimistic edits patch the answer cached under it. */
export function casePageInput(
  dataset: string,
  page: number,
  search: string,
): ChannelInput<'cases.list'> {
  const text = search.trim();
  return {
    dataset,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    ...(text ? { search: text } : {}),
  };
}

/** One page of a dataset's cases; the previous page stays on screen while the next loads. */
export function useCasePage(input: ChannelInput<'cases.list'>) {
  const query = useChannelQuery('cases.list', input);
  return { page: query.data ?? null, error: query.error };
}
