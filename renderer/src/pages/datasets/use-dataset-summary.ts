import { useChannel } from '../../lib/use-channel';

/** One dataset's summary (count, type, tags), loaded again whenever `refreshKey` changes. */
export function useDatasetSummary(name: string, refreshKey: number) {
  const { data, error } = useChannel('datasets.get', { name, limit: 1 }, { refresh: refreshKey });
  return { summary: data?.dataset ?? null, error };
}
