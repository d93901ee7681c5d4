import { Textarea } from './textarea';

interface TextEditorProps {
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
}

/** Rows enough for the text (plus room to grow), between 10 and 40. */
export const rowsFor = (text: string, min = 10) =>
  Math.min(40, Math.max(min, text.split('\n').length + 2));

/** The template of a system, user or text prompt. */
export function TextEditor({ value, onChange, readOnly }: TextEditorProps) {
  return (
    <div className="flex flex-col gap-1.5">
      <Textarea
        data-testid="prompt-text"
        aria-label="Prompt template"
        rows={rowsFor(value)}
        value={value}
        readOnly={readOnly}
        placeholder="You are a helpful assistant for {{product}}."
        onChange={(event) => onChange(event.target.value)}
      />
      <p className="flex justify-between gap-2 text-[11px] text-muted-foreground">
        <span>
          <code className="font-mono">{'{{name}}'}</code> inserts a variable;{' '}
          <code className="font-mono">{'\\{{'}</code> writes literal braces.
        </span>
        <span className="tabular-nums">{`${value.length.toLocaleString()} chars`}</span>
      </p>
    </div>
  );
}
