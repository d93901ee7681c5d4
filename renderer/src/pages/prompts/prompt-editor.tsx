import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { PromptSummary, PromptVersionView } from '../../../../shared/contract';
import { invalidateChannels } from '../../query/channel-query';
import { DiffTab } from './diff-tab';
import { EditTab } from './edit-tab';
import { EditorHeader } from './editor-header';
import { HistoryTab } from './history-tab';
import { ownVariables, refVariables, usedVariables } from './draft-variables';
import { PreviewTab } from './preview-tab';
import { SaveProblemBanner } from './save-problem';
import { SetLabelDialog } from './set-label-dialog';
import { EditorTabs } from './editor-tabs';
import type { PromptView } from './prompt-route';
import { useComponents } from './use-components';
import { useDeletePrompt } from './use-delete-prompt';
import { useEditorSave } from './use-editor-save';
import type { LabelEvent } from './use-label-history';
import { usePromptDraft } from './use-prompt-draft';
import { useSaveShortcut } from './use-save-shortcut';
import { useSetLabel } from './use-set-label';

export interface PromptEditorProps {
  summary: PromptSummary;
  /** Newest first. */
  versions: PromptVersionView[];
  /** The version the draft starts from (the newest, or one picked in History). */
  from: PromptVersionView;
  /** The address: the tab and the Diff tab's versions come from it. */
  view: PromptView & { readonly name: string };
  onViewChange: (view: Partial<PromptView>) => void;
  /** Every prompt, for the component pickers of chat prompts. */
  catalog: PromptSummary[] | null;
  labelEvents: LabelEvent[] | null;
  onEditFrom: (version: string) => void;
  onSaved: () => void;
  onDeleted: () => void;
  restore: (name: string) => void;
  onDirtyChange: (dirty: boolean) => void;
  guard: (action: () => void) => void;
}

/** The header, tabs and tab content of one prompt; keyed by the version it edits. */
export function PromptEditor(props: PromptEditorProps) {
  const { summary, versions, from, view, onViewChange, onDirtyChange } = props;
  const { tab } = view;
  const kind = summary.kind;
  const latest = versions[0] ?? from;
  const { draft, setDraft, dirty } = usePromptDraft(kind, from);
  const refNames = draft.messages.flatMap((m) => (m.type === 'ref' ? [m.prompt] : []));
  const components = useComponents(kind === 'chat' ? props.catalog : null, refNames);
  const own = useMemo(() => ownVariables(kind, draft), [kind, draft]);
  const fromComponents = useMemo(
    () =>
      kind === 'chat'
        ? refVariables(draft.messages, components.summaries, components.versionsOf)
        : [],
    [kind, draft.messages, components],
  );
  const used = useMemo(
    () => usedVariables(own, fromComponents, draft, components),
    [own, fromComponents, draft, components],
  );
  const saver = useEditorSave({
    name: summary.name,
    kind,
    draft,
    used,
    baseVersion: latest.version,
    onSaved: props.onSaved,
  });
  useSaveShortcut(saver.submit);
  const promote = useSetLabel(summary.name);
  const queryClient = useQueryClient();
  const deleter = useDeletePrompt(props.onDeleted, props.restore);
  const [labelOpen, setLabelOpen] = useState(false);

  useEffect(() => {
    onDirtyChange(dirty);
  }, [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  return (
    <section className="flex h-full min-w-0 flex-col" data-testid="prompt-editor">
      <EditorHeader
        summary={summary}
        version={from.version}
        latestVersion={latest.version}
        dirty={dirty}
        saving={saver.saving}
        saveForm={saver.form}
        onSave={saver.submit}
        link={view}
        onSetLabel={() => setLabelOpen(true)}
        onDelete={() => void deleter.remove(summary.name)}
        deleting={deleter.deleting}
      />
      <EditorTabs tab={tab} onChange={(next) => onViewChange({ ...view, tab: next })}>
        {saver.problem ? (
          <SaveProblemBanner
            problem={saver.problem}
            onReload={() => {
              void invalidateChannels(queryClient, ['prompts']);
              props.onSaved();
            }}
          />
        ) : null}
        {tab === 'edit' ? (
          <EditTab
            kind={kind}
            draft={draft}
            setDraft={setDraft}
            own={own}
            fromComponents={fromComponents}
            configErrors={saver.configErrors}
            components={components}
          />
        ) : tab === 'history' ? (
          <HistoryTab
            versions={versions}
            editingVersion={from.version}
            labelEvents={props.labelEvents}
            onEditFrom={props.onEditFrom}
            onPromote={(version) =>
              promote.mutate({ name: summary.name, label: 'production', version })
            }
            promoting={promote.isPending}
          />
        ) : tab === 'diff' ? (
          <DiffTab
            name={summary.name}
            versions={versions}
            from={view.from}
            to={view.to}
            onChange={(from, to) => onViewChange({ ...view, from, to })}
          />
        ) : (
          <PreviewTab name={summary.name} version={from} dirty={dirty} guard={props.guard} />
        )}
      </EditorTabs>
      {labelOpen ? (
        <SetLabelDialog
          open
          onOpenChange={setLabelOpen}
          summary={summary}
          versions={versions}
          defaultVersion={from.version}
        />
      ) : null}
    </section>
  );
}
