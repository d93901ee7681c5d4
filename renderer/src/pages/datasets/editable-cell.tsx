import { LoaderCircle } from 'lucide-react';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { TableCell } from '../../components/ui/table';
import { cn } from '../../lib/utils';
import type { Parsed } from './case-fields';
import { CodeTextarea } from './code-textarea';

interface EditableCellProps<T> {
  testId: string;
  label: string;
  className?: string;
  /** What the cell shows when not editing. */
  children: ReactNode;
  /** The text the editor starts from. */
  text: () => string;
  parse: (text: string) => Parsed<T>;
  /** Resolves true when saved; false keeps the editor open (the error was toasted). */
  onSave: (value: T) => Promise<boolean>;
  /** Opens in the editor (a case just added). */
  startOpen?: boolean;
}

const rowsFor = (text: string) => Math.min(12, Math.max(2, text.split('\n').length));

/**
 * A table cell edited in place: a click opens a textarea, Enter or leaving it saves (Shift+Enter
 * is a new line), Escape cancels. Unchanged text saves nothing.
 */
export function EditableCell<T>(props: EditableCellProps<T>) {
  const [draft, setDraft] = useState<string | null>(() => (props.startOpen ? props.text() : null));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const start = useRef(draft ?? '');
  const busy = useRef(false);

  const open = () => {
    start.current = props.text();
    setDraft(start.current);
    setError(null);
  };
  const cancel = () => {
    setDraft(null);
    setError(null);
  };
  const commit = async () => {
    if (draft === null || busy.current) return;
    if (draft === start.current) return cancel();
    const parsed = props.parse(draft);
    if (!parsed.ok) return setError(parsed.error);
    busy.current = true;
    setSaving(true);
    const saved = await props.onSave(parsed.value).catch(() => false);
    busy.current = false;
    setSaving(false);
    if (saved) cancel();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void commit();
    }
  };

  if (draft === null) {
    return (
      <TableCell className={cn('px-2 py-1 align-top whitespace-normal', props.className)}>
        <div
          role="button"
          tabIndex={0}
          aria-label={`Edit ${props.label}`}
          data-testid={props.testId}
          className="min-h-6 cursor-text rounded px-1 py-0.5 hover:bg-muted/70 focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:outline-none"
          onClick={open}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== ' ') return;
            e.preventDefault();
            open();
          }}
        >
          {props.children}
        </div>
      </TableCell>
    );
  }
  return (
    <TableCell className={cn('px-2 py-1 align-top whitespace-normal', props.className)}>
      <CodeTextarea
        autoFocus
        aria-label={props.label}
        data-testid={`${props.testId}-input`}
        rows={rowsFor(draft)}
        value={draft}
        disabled={saving}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => void commit()}
      />
      <p className={cn('mt-0.5 text-[10px]', error ? 'text-destructive' : 'text-muted-foreground')}>
        {saving ? <LoaderCircle className="inline size-3 animate-spin" /> : null}
        {error ?? 'Enter saves · Shift+Enter new line · Esc cancels'}
      </p>
    </TableCell>
  );
}
