import { ArrowDown, ArrowUp, Braces, Link2, MessageSquare, X } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '../../components/ui/button';
import { PlaceholderFields, TextMessageFields } from './message-fields';
import type { DraftMessage } from './prompt-draft';
import { RefMessageFields } from './ref-message-fields';
import type { Components } from './use-components';

interface MessageRowProps {
  index: number;
  count: number;
  message: DraftMessage;
  components: Components;
  onChange: (message: DraftMessage) => void;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
}

const TYPE_META: Record<DraftMessage['type'], { label: string; icon: ReactNode }> = {
  text: { label: 'Message', icon: <MessageSquare className="size-3" /> },
  ref: { label: 'Component', icon: <Link2 className="size-3" /> },
  placeholder: { label: 'Placeholder', icon: <Braces className="size-3" /> },
};

/** One message of a chat prompt, with its order controls. */
export function MessageRow(props: MessageRowProps) {
  const { index, count, message, components, onChange } = props;
  const meta = TYPE_META[message.type];
  return (
    <li
      data-testid={`message-row-${index}`}
      data-type={message.type}
      className="flex flex-col gap-2 rounded-md border bg-card px-3 py-2"
    >
      <div className="flex items-center gap-2 text-[11px] text-muted-foreground">
        <span className="font-mono tabular-nums">{index + 1}</span>
        <span className="flex items-center gap-1 font-medium">
          {meta.icon}
          {meta.label}
        </span>
        <div className="ml-auto flex gap-0.5">
          <Button
            variant="ghost"
            size="icon"
            className="size-6"
            aria-label="Move up"
            data-testid={`message-up-${index}`}
            disabled={index === 0}
            onClick={() => props.onMove(-1)}
          >
            <ArrowUp className="size-3.5" />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="size-6"
            aria-label="Move down"
            data-testid={`message-down-${index}`}
            disabled={index === count - 1}
            onClick={() => props.onMove(1)}
          >
            <ArrowDown className="size-3.5" />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="size-6 hover:text-destructive"
            aria-label="Remove message"
            data-testid={`message-remove-${index}`}
            onClick={props.onRemove}
          >
            <X className="size-3.5" />
          </Button>
        </div>
      </div>
      {message.type === 'text' ? (
        <TextMessageFields index={index} message={message} onChange={onChange} />
      ) : message.type === 'ref' ? (
        <RefMessageFields
          index={index}
          message={message}
          onChange={onChange}
          components={components}
        />
      ) : (
        <PlaceholderFields index={index} message={message} onChange={onChange} />
      )}
    </li>
  );
}
