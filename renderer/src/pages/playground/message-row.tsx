import { Puzzle, X } from 'lucide-react';
import type { PromptMessage } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '../../components/ui/select';
import { cn } from '../../lib/utils';
import { ComponentText } from './component-text';
import type { MessageRole } from './types';

const ROLES: readonly MessageRole[] = ['system', 'user', 'assistant'];

interface MessageRowProps {
  index: number;
  message: PromptMessage;
  readOnly: boolean;
  /** Single-text prompts have one message whose role follows the kind. */
  fixedRole: boolean;
  canRemove: boolean;
  onContent: (index: number, content: string) => void;
  onRole: (index: number, role: MessageRole) => void;
  onRemove: (index: number) => void;
}

/**
 * One message. The row is the textarea's <label>, so the row's test id can be filled directly
 * and a click anywhere on it focuses the text.
 */
export function MessageRow(props: MessageRowProps) {
  const { index, message, readOnly, fixedRole, canRemove } = props;
  const textId = `playground-message-text-${index}`;
  const role = 'role' in message ? message.role : null;
  const roles = 'ref' in message ? ROLES.filter((r) => r !== 'assistant') : ROLES;
  const Row = 'content' in message ? 'label' : 'div';
  return (
    <Row
      htmlFor={'content' in message ? textId : undefined}
      data-testid={`playground-message-${index}`}
      data-role={role ?? 'placeholder'}
      className="group flex items-start gap-2"
    >
      {role ? (
        <Select
          disabled={readOnly || fixedRole}
          value={role}
          onValueChange={(value) => props.onRole(index, value as MessageRole)}
        >
          <SelectTrigger
            aria-label={`Role of message ${index + 1}`}
            data-testid={`playground-message-role-${index}`}
            className="h-7 w-24 shrink-0 font-mono text-xs"
          >
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {roles.map((r) => (
              <SelectItem key={r} value={r} className="font-mono text-xs">
                {r}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      ) : (
        <span className="flex h-7 w-24 shrink-0 items-center px-2 font-mono text-xs text-muted-foreground">
          placeholder
        </span>
      )}
      {'content' in message ? (
        <textarea
          id={textId}
          aria-label={`${message.role} message ${index + 1}`}
          data-testid={`playground-message-content-${index}`}
          className={cn(
            'field-sizing-content max-h-80 min-h-7 w-full min-w-0 resize-y rounded-md border border-input bg-background px-2.5 py-1 font-mono text-xs leading-relaxed shadow-xs outline-none dark:bg-input/20',
            'focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40',
            readOnly && 'bg-muted/40',
          )}
          placeholder={message.role === 'user' ? 'Write a message; {{name}} adds a variable' : ''}
          spellCheck={false}
          readOnly={readOnly}
          value={message.content}
          onChange={(e) => props.onContent(index, e.target.value)}
        />
      ) : 'ref' in message ? (
        <ComponentText index={index} componentRef={message.ref} />
      ) : (
        <p className="flex min-h-7 flex-1 items-center gap-1.5 rounded-md border border-dashed px-2.5 py-1 text-xs text-muted-foreground">
          <Puzzle className="size-3.5 shrink-0" />
          <span>
            Messages inserted as{' '}
            <span className="font-mono text-foreground">{message.placeholder}</span> (none in the
            playground)
          </span>
        </p>
      )}
      {!readOnly && !fixedRole ? (
        <Button
          type="button"
          variant="ghost"
          size="icon"
          className="size-7 text-muted-foreground opacity-60 group-hover:opacity-100"
          aria-label={`Remove message ${index + 1}`}
          data-testid={`playground-message-remove-${index}`}
          disabled={!canRemove}
          onClick={() => props.onRemove(index)}
        >
          <X className="size-3.5" />
        </Button>
      ) : null}
    </Row>
  );
}
