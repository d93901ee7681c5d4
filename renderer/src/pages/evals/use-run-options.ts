import { useEffect, useState } from 'react';
import type { DatasetSummary, PromptSummary, PromptVersionView } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';

/** Datasets and saved prompts to start a run with, loaded when the dialog opens. */
export function useRunOptions(open: boolean) {
  const client = useClient();
  const [datasets, setDatasets] = useState<DatasetSummary[] | null>(null);
  const [prompts, setPrompts] = useState<PromptSummary[] | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    client.invoke('datasets.list', {}).then(
      (r) => live && setDatasets(r.datasets.filter((d) => d.deletedAt === null)),
      () => live && setDatasets((current) => current ?? []),
    );
    client.invoke('prompts.list', {}).then(
      (r) => live && setPrompts(r.prompts.filter((p) => p.deletedAt === null)),
      () => live && setPrompts((current) => current ?? []),
    );
    return () => {
      live = false;
    };
  }, [client, open]);

  return { datasets, prompts };
}

/** Every version of the picked prompt (newest first), for the version select. */
export function usePromptVersions(name: string | null) {
  const client = useClient();
  const [versions, setVersions] = useState<{ name: string; list: PromptVersionView[] } | null>(
    null,
  );

  useEffect(() => {
    if (!name) return;
    let live = true;
    client.invoke('prompts.versions', { name }).then(
      (r) => live && setVersions({ name, list: r.versions }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, name]);

  return versions && versions.name === name ? versions.list : [];
}
