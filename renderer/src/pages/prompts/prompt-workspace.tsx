import { LoaderCircle } from 'lucide-react';
import { useCallback } from 'react';
import type { PromptSummary } from '../../../../shared/contract';
import { PromptEditor } from './prompt-editor';
import type { PromptView } from './prompt-route';
import { useLabelHistory } from './use-label-history';
import { usePromptDetail } from './use-prompt-detail';

type SelectedView = PromptView & { readonly name: string };

interface PromptWorkspaceProps {
  view: SelectedView;
  /** A new history entry (another version). */
  open: (view: Partial<PromptView>) => void;
  /** The same entry, changed (a tab, the compared versions). */
  adjust: (view: Partial<PromptView>) => void;
  catalog: PromptSummary[] | null;
  onDeleted: () => void;
  restore: (name: string) => void;
  onDirtyChange: (dirty: boolean) => void;
  /** Runs an action that drops unsaved edits only once the user agrees. */
  guard: (action: () => void) => void;
}

/** Loads one prompt and hosts its editor; keyed by the prompt name. */
export function PromptWorkspace(props: PromptWorkspaceProps) {
  const { view, open, adjust, guard } = props;
  const { name } = view;
  const { detail, error } = usePromptDetail(name);
  const labelEvents = useLabelHistory(name);

  // After a save the newest version is the one to edit: the version leaves the address.
  const onSaved = useCallback(() => adjust({ ...view, version: null }), [adjust, view]);
  const onEditFrom = useCallback(
    (version: string) => guard(() => open({ name, version, tab: 'edit' })),
    [guard, open, name],
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
  const from = detail.versions.find((v) => v.version === view.version) ?? latest;

  return (
    <PromptEditor
      key={from.id}
      summary={detail.summary}
      versions={detail.versions}
      from={from}
      view={view}
      onViewChange={adjust}
      catalog={props.catalog}
      labelEvents={labelEvents}
      onEditFrom={onEditFrom}
      onSaved={onSaved}
      onDeleted={props.onDeleted}
      restore={props.restore}
      onDirtyChange={props.onDirtyChange}
      guard={guard}
    />
  );
}
