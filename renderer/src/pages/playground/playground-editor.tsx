import type { PromptSummary, PromptVersionView } from '../../../../shared/contract';
import { MessageEditor } from './message-editor';
import { PromptSourceBar } from './prompt-source-bar';
import type { useDraft } from './use-draft';
import type { VariableSpec } from './variable-names';
import { VariablesPanel } from './variables-panel';
import { WorkArea } from './work-area';
import type { PromptSource } from './types';

interface PlaygroundEditorProps {
  prompts: readonly PromptSummary[] | null;
  source: PromptSource | null;
  loading: string | null;
  edited: boolean;
  draft: ReturnType<typeof useDraft>;
  specs: readonly VariableSpec[];
  missing: readonly string[];
  onSelectPrompt: (name: string | null) => void;
  onSelectVersion: (version: string) => void;
  onSaved: (name: string, version: PromptVersionView) => void;
  onValueChange: (name: string, value: string) => void;
}

/** The prompt being run: where it comes from, its messages and its variables. */
export function PlaygroundEditor(props: PlaygroundEditorProps) {
  const { source, draft } = props;
  return (
    <WorkArea
      header={
        <PromptSourceBar
          prompts={props.prompts}
          source={source}
          loading={props.loading}
          edited={props.edited}
          messages={draft.draft.messages}
          onSelectPrompt={props.onSelectPrompt}
          onSelectVersion={props.onSelectVersion}
          onSaved={props.onSaved}
        />
      }
      messages={
        <MessageEditor
          messages={draft.draft.messages}
          readOnly={false}
          singleText={source !== null && source.summary.kind !== 'chat'}
          onContent={draft.editContent}
          onRole={draft.editRole}
          onRemove={draft.removeMessage}
          onAdd={draft.addMessage}
        />
      }
      variables={
        <VariablesPanel
          specs={props.specs}
          values={draft.draft.values}
          missing={props.missing}
          readOnly={false}
          onChange={props.onValueChange}
        />
      }
    />
  );
}
