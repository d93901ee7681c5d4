import { useChannel } from '../../lib/use-channel';

/**
 * `datasets.list`, searched by name and description (debounced while typing). `reload` loads
 * again after a create, import or case edit, keeping the old rows showing meanwhile.
 */
export function useDatasetList(search: string) {
  const text = search.trim();
  const { data, error, reload } = useChannel('datasets.list', text ? { search: text } : {}, {
    delayMs: text ? 200 : 0,
  });
  return { datasets: data?.datasets ?? null, error, reload };
}
