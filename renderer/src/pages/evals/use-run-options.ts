import { useMemo } from 'react';
import { useChannel } from '../../lib/use-channel';

/** Datasets and saved prompts to start a run with, loaded when the dialog opens (none on failure). */
export function useRunOptions(open: boolean) {
  const datasetList = useChannel('datasets.list', open ? {} : null);
  const promptList = useChannel('prompts.list', open ? {} : null);
  const datasets = useMemo(
    () =>
      datasetList.data
        ? datasetList.data.datasets.filter((d) => d.deletedAt === null)
        : datasetList.error
          ? []
          : null,
    [datasetList.data, datasetList.error],
  );
  const prompts = useMemo(
    () =>
      promptList.data
        ? promptList.data.prompts.filter((p) => p.deletedAt === null)
        : promptList.error
          ? []
          : null,
    [promptList.data, promptList.error],
  );
  return { datasets, prompts };
}

/** Every version of the picked prompt (newest first), for the version select. */
export function usePromptVersions(name: string | null) {
  const { data, isCurrent } = useChannel('prompts.versions', name ? { name } : null);
  return isCurrent && data ? data.versions : [];
}
