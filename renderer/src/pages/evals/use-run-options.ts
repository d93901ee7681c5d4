import { useMemo } from 'react';
import { useChannelQuery } from '../../query/channel-query';

/** The rows not deleted; none once the list failed (already toasted), null while it loads. */
function liveRows<T extends { readonly deletedAt: string | null }>(
  rows: readonly T[] | undefined,
  failed: boolean,
): T[] | null {
  return rows ? rows.filter((r) => r.deletedAt === null) : failed ? [] : null;
}

/** Datasets and saved prompts to start a run with, loaded when the dialog opens. */
export function useRunOptions(open: boolean) {
  const datasetList = useChannelQuery('datasets.list', open ? {} : null);
  const promptList = useChannelQuery('prompts.list', open ? {} : null);
  const datasets = useMemo(
    () => liveRows(datasetList.data?.datasets, datasetList.error !== null),
    [datasetList.data, datasetList.error],
  );
  const prompts = useMemo(
    () => liveRows(promptList.data?.prompts, promptList.error !== null),
    [promptList.data, promptList.error],
  );
  return { datasets, prompts };
}

/** Every version of the picked prompt (newest first), for the version select. */
export function usePromptVersions(name: string | null) {
  const { data, isPlaceholderData } = useChannelQuery('prompts.versions', name ? { name } : null);
  return data && !isPlaceholderData ? data.versions : [];
}
