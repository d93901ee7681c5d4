import { X } from 'lucide-react';
import { useRef } from 'react';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/form';
import { Label } from '../../components/ui/label';
import { CodeTextarea } from './code-textarea';
import type { ImportFile, ImportFormValues } from './use-import';

interface ImportSourceFieldsProps {
  file: ImportFile | null;
  onPickFile: (file: File | null) => void;
}

/** Where the cases come from: a file from disk, or text pasted in (used when no file is picked). */
export function ImportSourceFields({ file, onPickFile }: ImportSourceFieldsProps) {
  const input = useRef<HTMLInputElement>(null);
  const clear = () => {
    if (input.current) input.current.value = '';
    onPickFile(null);
  };
  return (
    <>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="import-file">File</Label>
        <div className="flex items-center gap-2">
          <input
            ref={input}
            id="import-file"
            type="file"
            data-testid="import-file"
            accept=".yaml,.yml,.csv,.jsonl,.ndjson,.json,.txt"
            className="min-w-0 flex-1 text-xs text-muted-foreground file:mr-2 file:h-7 file:rounded-md file:border file:border-input file:bg-background file:px-2.5 file:text-xs file:font-medium file:text-foreground"
            onChange={(e) => onPickFile(e.target.files?.[0] ?? null)}
          />
          {file ? (
            <Button
              type="button"
              variant="ghost"
              size="xs"
              onClick={clear}
              aria-label="Clear the file"
            >
              <X />
            </Button>
          ) : null}
        </div>
        {file ? (
          <p className="text-xs text-muted-foreground" data-testid="import-file-name">
            {`${file.name} · ${file.content.length.toLocaleString()} characters`}
          </p>
        ) : null}
      </div>
      <Field<ImportFormValues, 'text'>
        name="text"
        label="Or paste the content"
        render={(field) => (
          <CodeTextarea
            data-testid="import-text"
            rows={7}
            placeholder={
              'test_cases:\n  - input: Can I return my order?\n    matchers: [{ type: contains, value: 30 days }]'
            }
            {...field}
            // After the field's own props: a picked file is what gets imported.
            disabled={file !== null}
          />
        )}
      />
    </>
  );
}
