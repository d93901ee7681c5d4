import type { Dispatch, SetStateAction } from 'react';
import type { PromptKind } from '../../../../shared/contract';
import type { ConfigErrors } from './config-draft';
import { ConfigPanel } from './config-panel';
import type { ComponentVariable } from './draft-variables';
import { MessageListEditor } from './message-list-editor';
import type { PromptDraft } from './prompt-draft';
import { TextEditor } from './text-editor';
import type { Components } from './use-components';
import { VariablesPanel } from './variables-panel';

interface EditTabProps {
  kind: PromptKind;
  draft: PromptDraft;
  setDraft: Dispatch<SetStateAction<PromptDraft>>;
  own: readonly string[];
  fromComponents: readonly ComponentVariable[];
  configErrors: ConfigErrors;
  components: Components;
}

/** The content editor beside the variables and the model config. */
export function EditTab(props: EditTabProps) {
  const { kind, draft, setDraft } = props;
  return (
    <div className="@container">
      <div className="grid gap-4 p-4 @3xl:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="flex min-w-0 flex-col gap-2">
          {kind === 'chat' ? (
            <MessageListEditor
              messages={draft.messages}
              onChange={(messages) => setDraft((d) => ({ ...d, messages }))}
              components={props.components}
            />
          ) : (
            <TextEditor value={draft.text} onChange={(text) => setDraft((d) => ({ ...d, text }))} />
          )}
        </div>
        <div className="flex min-w-0 flex-col gap-3">
          <VariablesPanel
            own={props.own}
            fromComponents={props.fromComponents}
            meta={draft.variables}
            onMetaChange={(name, meta) =>
              setDraft((d) => ({ ...d, variables: { ...d.variables, [name]: meta } }))
            }
          />
          <ConfigPanel
            draft={draft.config}
            errors={props.configErrors}
            onChange={(config) => setDraft((d) => ({ ...d, config }))}
          />
        </div>
      </div>
    </div>
  );
}
