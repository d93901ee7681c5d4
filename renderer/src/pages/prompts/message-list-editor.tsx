import { Braces, Link2, Plus } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { MessageRow } from './message-row';
import {
  newPlaceholder,
  newRefMessage,
  newTextMessage,
  type DraftMessage,
  type TextRole,
} from './prompt-draft';
import type { Components } from './use-components';

interface MessageListEditorProps {
  messages: DraftMessage[];
  onChange: (messages: DraftMessage[]) => void;
  components: Components;
}

/** The next literal message: user after system or assistant, assistant after user. */
const nextRole = (messages: readonly DraftMessage[]): TextRole => {
  const last = messages.at(-1);
  if (!last || last.type === 'placeholder') return 'user';
  return last.role === 'user' ? 'assistant' : 'user';
};

/** The messages of a chat prompt: literal text, component references and placeholders. */
export function MessageListEditor({ messages, onChange, components }: MessageListEditorProps) {
  const replace = (index: number, message: DraftMessage) =>
    onChange(messages.map((m, i) => (i === index ? message : m)));
  const move = (index: number, offset: -1 | 1) => {
    const target = index + offset;
    if (target < 0 || target >= messages.length) return;
    const next = [...messages];
    [next[index], next[target]] = [next[target]!, next[index]!];
    onChange(next);
  };
  const remove = (index: number) => onChange(messages.filter((_, i) => i !== index));
  const hasSystem = messages.some((m) => m.type !== 'placeholder' && m.role === 'system');

  return (
    <div className="flex flex-col gap-2" data-testid="message-list">
      <ol className="flex flex-col gap-2">
        {messages.map((message, index) => (
          <MessageRow
            key={message.key}
            index={index}
            count={messages.length}
            message={message}
            components={components}
            onChange={(next) => replace(index, next)}
            onMove={(offset) => move(index, offset)}
            onRemove={() => remove(index)}
          />
        ))}
      </ol>
      {messages.length === 0 ? (
        <p className="rounded-md border border-dashed px-3 py-4 text-center text-xs text-muted-foreground">
          No messages yet: reference a system prompt, then add a user template or a message.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-1.5">
        <Button
          variant="outline"
          size="xs"
          data-testid="add-message"
          onClick={() => onChange([...messages, newTextMessage(nextRole(messages))])}
        >
          <Plus />
          Message
        </Button>
        <Button
          variant="outline"
          size="xs"
          data-testid="add-ref"
          onClick={() => onChange([...messages, newRefMessage(hasSystem ? 'user' : 'system')])}
        >
          <Link2 />
          Component reference
        </Button>
        <Button
          variant="outline"
          size="xs"
          data-testid="add-placeholder"
          onClick={() => onChange([...messages, newPlaceholder()])}
        >
          <Braces />
          Placeholder
        </Button>
      </div>
    </div>
  );
}
