import { CircleCheck, LoaderCircle } from 'lucide-react';
import type { FormEvent } from 'react';
import { toast } from 'sonner';
import { IMPORT_FORMATS, INTERACTION_TYPES } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '../../components/ui/select';
import { ToggleGroup, ToggleGroupItem } from '../../components/ui/toggle-group';
import { FORMAT_LABELS, isImportFormat } from './import-format';
import { ImportError, ImportWarnings, UnmappedReport } from './import-messages';
import { unmappedOnly } from './import-problems';
import { ImportSourceFields } from './import-source-fields';
import { hasSuggestions, ImportSuggestions } from './import-suggestions';
import { INTERACTION_LABELS, isInteractionType } from './interaction-types';
import { useImport, type ImportMode, type ImportOutcome } from './use-import';

interface ImportDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /**
   * The dataset cases went into; the dialog stays open when there are warnings to read or a
   * promptfoo config's prompt and providers to offer.
   */
  onImported: (name: string) => void;
}

const MODES = [
  { value: 'create', label: 'New dataset', testId: 'import-mode-create' },
  { value: 'append', label: 'Append', testId: 'import-mode-append' },
] as const;

/** Radix Select items need a non-empty value: this one stands for "no type given". */
const AS_THE_FILE_SAYS = 'from-file';

/**
 * Imports YAML, CSV, JSONL or a promptfoo config, all or nothing. A promptfoo config refused
 * only for assertions Assay cannot run can be imported anyway, those cases unscored.
 */
export function ImportDialog({ open, onOpenChange, onImported }: ImportDialogProps) {
  const form = useImport();
  const { fields, set, outcome, error } = form;
  const unmapped = error && fields.format === 'promptfoo' ? unmappedOnly(error) : [];

  const close = (next: boolean) => {
    if (!next) form.reset();
    onOpenChange(next);
  };
  const done = (result: ImportOutcome | null) => {
    if (!result) return;
    const { dataset, added, warnings, suggested } = result;
    toast.success(`Imported ${added} ${added === 1 ? 'case' : 'cases'} into ${dataset.name}`);
    onImported(dataset.name);
    if (warnings.length === 0 && !hasSuggestions(suggested)) close(false);
  };
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    done(await form.submit());
  };

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent data-testid="import-dialog" className="max-w-xl">
        <DialogTitle>Import cases</DialogTitle>
        <DialogDescription>
          A YAML, CSV or JSONL dataset file, or a promptfoo config. Nothing is imported when any
          case is invalid.
        </DialogDescription>
        <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
          <ImportSourceFields
            file={fields.file}
            text={fields.text}
            onPickFile={(file) => void set.pickFile(file)}
            onTextChange={set.setText}
          />
          <div className="grid grid-cols-2 gap-3">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="import-format">Format</Label>
              <Select
                value={fields.format}
                onValueChange={(value) => isImportFormat(value) && set.setFormat(value)}
              >
                <SelectTrigger id="import-format" data-testid="import-format">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {IMPORT_FORMATS.map((f) => (
                    <SelectItem key={f} value={f} data-testid={`import-format-${f}`}>
                      {FORMAT_LABELS[f]}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="import-name">Dataset name</Label>
              <Input
                id="import-name"
                data-testid="import-name"
                className="font-mono text-[13px]"
                placeholder={fields.file ? 'from the file' : 'support/faq'}
                autoComplete="off"
                spellCheck={false}
                value={fields.name}
                onChange={(e) => set.setName(e.target.value)}
              />
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <ToggleGroup
              type="single"
              aria-label="Import mode"
              value={fields.mode}
              onValueChange={(value) => value && set.setMode(value as ImportMode)}
            >
              {MODES.map((mode) => (
                <ToggleGroupItem key={mode.value} value={mode.value} data-testid={mode.testId}>
                  {mode.label}
                </ToggleGroupItem>
              ))}
            </ToggleGroup>
            {fields.mode === 'create' ? (
              <Select
                value={fields.type || AS_THE_FILE_SAYS}
                onValueChange={(value) => set.setType(isInteractionType(value) ? value : '')}
              >
                <SelectTrigger
                  aria-label="Interaction type of the new dataset"
                  data-testid="import-type"
                  className="h-7 w-auto text-xs"
                >
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value={AS_THE_FILE_SAYS}>Type: as the file says</SelectItem>
                  {INTERACTION_TYPES.map((t) => (
                    <SelectItem key={t} value={t}>
                      {INTERACTION_LABELS[t]}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            ) : null}
          </div>
          {unmapped.length > 0 ? (
            <UnmappedReport
              unmapped={unmapped}
              busy={form.busy}
              onImportAnyway={() => void form.submit({ skipUnmapped: true }).then(done)}
            />
          ) : error ? (
            <ImportError error={error} />
          ) : null}
          {outcome ? (
            <p
              className="flex items-center gap-1.5 text-xs text-success"
              data-testid="import-result"
            >
              <CircleCheck className="size-3.5" />
              {`Imported ${outcome.added} ${outcome.added === 1 ? 'case' : 'cases'} into ${outcome.dataset.name}.`}
            </p>
          ) : null}
          {outcome ? <ImportWarnings warnings={outcome.warnings} /> : null}
          {outcome ? (
            <ImportSuggestions dataset={outcome.dataset.name} suggested={outcome.suggested} />
          ) : null}
          <div className="flex justify-end gap-2 pt-1">
            <Button type="button" variant="ghost" size="sm" onClick={() => close(false)}>
              {outcome ? 'Close' : 'Cancel'}
            </Button>
            <Button
              type="submit"
              size="sm"
              data-testid="import-submit"
              disabled={form.busy || !form.ready || outcome !== null}
            >
              {form.busy ? <LoaderCircle className="animate-spin" /> : null}
              Import
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
