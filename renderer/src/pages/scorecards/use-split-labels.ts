import { useQueries } from '@tanstack/react-query';
import type { DashboardSplit } from '../../../../shared/contract';
import { channelKey } from '../../query/channel-query';
import { useQueryTransport } from '../../query/query-transport';

/**
 * How split values read: a prompt version id as "name v1.2" (asked of the prompt registry,
 * the id until it answers or when the version is gone), a model as `provider:model`, and no
 * value as what it means for this split.
 */
export function useSplitLabels(
  split: DashboardSplit,
  keys: readonly (string | null)[],
): (key: string | null) => string {
  const transport = useQueryTransport();
  const ids = split === 'prompt_version' ? keys.filter((k): k is string => k !== null) : [];
  const answers = useQueries({
    queries: ids.map((id) => ({
      queryKey: channelKey('traces.promptVersion', { id }),
      queryFn: () => transport.invoke('traces.promptVersion', { id }),
      retry: false,
      staleTime: Infinity,
    })),
  });
  const names = new Map<string, string>();
  ids.forEach((id, i) => {
    const data = answers[i]?.data;
    if (data) names.set(id, `${data.name} ${data.version}`);
  });
  return (key) => {
    if (key === null)
      return split === 'none' ? 'All' : split === 'model' ? 'No model' : 'No prompt version';
    return names.get(key) ?? key;
  };
}
