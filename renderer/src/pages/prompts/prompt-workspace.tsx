import { LoaderCircle } from 'lucide-react';
import { useCallback, useState } from 'react';
import type { PromptSummary } from '../../../../shared/contract';
import { PromptEditor } from './prompt-editor';
import type { EditorTab } from './tab-bar';
import { useLabelHistory } from './use-label-history';
import { usePromptDetail } from './use-prompt-detail';

interface PromptWorkspaceProps {
  name: string;
  catalog: PromptSummary[] | null;
  /** Something the list shows changed (a version, a label). */
  onChanged: () => void;
  onDeleted: () => void;
  restore: (name: string) => void;
  onDirtyChange: (dirty: boolean) => void;
  /** Runs an action that drops unsaved edits only once the user agrees. */
  guard: (action: () => void) => void;
}

/** Loads one prompt and hosts its editor; keyed by the prompt name. */
export function PromptWorkspace(props: PromptWorkspaceProps) {
  const { name, onChanged, guard } = props;
  const [refreshKey, setRefreshKey] = useState(0);
  const { detail, error } = usePromptDetail(name, refreshKey);
  const labelEvents = useLabelHistory(name, refreshKey);
  const [tab, setTab] = useState<EditorTab>('edit');
  /** null: the newest version. */
  const [fromVersion, setFromVersion] = useState<string | null>(null);

  const refresh = useCallback(() => {
    setRefreshKey((n) => n + 1);
    onChanged();
  }, [onChanged]);
  const onSaved = useCallback(() => {
    setFromVersion(null);
    refresh();
  }, [refresh]);
  const onEditFrom = useCallback(
    (version: string) =>
      guard(() => {
        setFromVersion(version);
        setTab('edit');
      }),
    [guard],
  );

  if (!detail) {
    return (
      <div
        className="flex items-center gap-2 p-6 text-xs text-muted-foreground"
        data-testid="prompt-loading"
      >
        {error ? (
          <span className="text-destructive">{`Could not load ${name}: ${error.toString()}`}</span>
        ) : (
          <>
            <LoaderCircle className="size-3.5 animate-spin" />
            {`Loading ${name}…`}
          </>
        )}
      </div>
    );
  }

  const latest = detail.versions[0];
  if (!latest)
    return <p className="p-6 text-xs text-muted-foreground">{`${name} has no versions.`}</p>;
  const from = detail.versions.find((v) => v.version === fromVersion) ?? latest;

  return (
    <PromptEditor
      key={from.id}
      summary={detail.summary}
      versions={detail.versions}
      from={from}
      tab={tab}
      onTabChange={setTab}
      catalog={props.catalog}
      labelEvents={labelEvents}
      onEditFrom={onEditFrom}
      onSaved={onSaved}
      onLabelsChanged={refresh}
      onDeleted={props.onDeleted}
      restore={props.restore}
      onDirtyChange={props.onDirtyChange}
      guard={guard}
    />
  );
}
