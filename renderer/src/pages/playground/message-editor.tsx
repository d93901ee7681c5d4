import { Plus } from 'lucide-react';
import type { PromptMessage } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { MessageRow } from './message-row';
import type { MessageRole } from './types';

export interface MessageEditorProps {
  messages: readonly PromptMessage[];
  readOnly: boolean;
  /** A single-text prompt: one message, no roles to pick, nothing to add. */
  singleText: boolean;
  onContent: (index: number, content: string) => void;
  onRole: (index: number, role: MessageRole) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
}

export function MessageEditor(props: MessageEditorProps) {
  const { messages, readOnly, singleText } = props;
  return (
    <div className="flex flex-col gap-1.5" data-testid="playground-messages">
      {messages.map((message, index) => (
        <MessageRow
          // Rows have no identity of their own; the position is what the user edits.
          key={index}
          index={index}
          message={message}
          readOnly={readOnly}
          fixedRole={singleText}
          canRemove={messages.length > 1}
          onContent={props.onContent}
          onRole={props.onRole}
          onRemove={props.onRemove}
        />
      ))}
      {messages.length === 0 ? <p className="text-xs text-muted-foreground">No messages.</p> : null}
      {!readOnly && !singleText ? (
        <div>
          <Button
            variant="ghost"
            size="xs"
            className="text-muted-foreground"
            data-testid="playground-add-message"
            onClick={props.onAdd}
          >
            <Plus />
            Add message
          </Button>
        </div>
      ) : null}
    </div>
  );
}
