import { Input } from '../../components/ui/input';
import { OptionSelect } from '../../components/ui/option-select';
import type { PlaceholderDraft, TextDraft, TextRole } from './prompt-draft';
import { rowsFor } from './text-editor';
import { Textarea } from './textarea';

const TEXT_ROLES: readonly TextRole[] = ['system', 'user', 'assistant'];
const ROLE_OPTIONS = TEXT_ROLES.map((role) => ({ value: role, label: role }));

const PLACEHOLDER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface FieldsProps<M> {
  index: number;
  message: M;
  onChange: (message: M) => void;
}

/** A literal message: a role and its template. */
export function TextMessageFields({ index, message, onChange }: FieldsProps<TextDraft>) {
  return (
    <div className="flex flex-col gap-1.5">
      <OptionSelect
        aria-label={`Role of message ${index + 1}`}
        data-testid={`message-role-${index}`}
        className="h-7 w-32 text-xs"
        value={message.role}
        options={ROLE_OPTIONS}
        onValueChange={(role) => onChange({ ...message, role })}
      />
      <Textarea
        aria-label={`Content of message ${index + 1}`}
        data-testid={`message-content-${index}`}
        rows={rowsFor(message.content, 3)}
        value={message.content}
        placeholder={message.role === 'system' ? 'You are…' : '{{input}}'}
        onChange={(e) => onChange({ ...message, content: e.target.value })}
      />
    </div>
  );
}

/** Where a list of messages (a chat history) is inserted when the prompt is rendered. */
export function PlaceholderFields({ index, message, onChange }: FieldsProps<PlaceholderDraft>) {
  const valid = PLACEHOLDER_NAME.test(message.name.trim());
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-1 font-mono text-[13px] text-muted-foreground">
        <span>{'{{placeholder:'}</span>
        <Input
          aria-label={`Name of placeholder ${index + 1}`}
          data-testid={`message-placeholder-${index}`}
          className="h-7 w-48 font-mono text-xs"
          spellCheck={false}
          value={message.name}
          aria-invalid={valid ? undefined : true}
          onChange={(e) => onChange({ ...message, name: e.target.value })}
        />
        <span>{'}}'}</span>
      </div>
      <p className={valid ? 'text-[11px] text-muted-foreground' : 'text-[11px] text-destructive'}>
        {valid
          ? 'Filled with a list of messages (e.g. the chat history) at render time.'
          : 'A name such as history: letters, digits and _, not starting with a digit.'}
      </p>
    </div>
  );
}
