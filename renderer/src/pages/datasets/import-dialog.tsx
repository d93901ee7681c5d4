import { CircleCheck, LoaderCircle } from 'lucide-react';
import { toast } from 'sonner';
import { IMPORT_FORMATS, INTERACTION_TYPES } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Field, Form } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { OptionSelect } from '../../components/ui/option-select';
import { ToggleGroup, ToggleGroupItem } from '../../components/ui/toggle-group';
import { FORMAT_LABELS } from './import-format';
import { ImportError, ImportWarnings, UnmappedReport } from './import-messages';
import { unmappedOnly } from './import-problems';
import { ImportSourceFields } from './import-source-fields';
import { hasSuggestions, ImportSuggestions } from './import-suggestions';
import { INTERACTION_LABELS } from './interaction-types';
import { useImport, type ImportFormValues, type ImportOutcome } from './use-import';

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

const FORMAT_OPTIONS = IMPORT_FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f] }));
/** "" is no type given: the file's own, or the default. */
const TYPE_OPTIONS = [
  { value: '' as const, label: 'As the file says' },
  ...INTERACTION_TYPES.map((t) => ({ value: t, label: INTERACTION_LABELS[t] })),
];

/**
 * Imports YAML, CSV, JSONL or a promptfoo config, all or nothing. A promptfoo config refused
 * only for assertions Assay cannot run can be imported anyway, those cases unscored.
 */
export function ImportDialog({ open, onOpenChange, onImported }: ImportDialogProps) {
  const importer = useImport();
  const { form, file, outcome, error } = importer;
  const [format, mode] = [form.watch('format'), form.watch('mode')];
  const unmapped = error && format === 'promptfoo' ? unmappedOnly(error) : [];

  const close = (next: boolean) => {
    if (!next) importer.reset();
    onOpenChange(next);
  };
  const done = (result: ImportOutcome | null) => {
    if (!result) return;
    const { dataset, added, warnings, suggested } = result;
    toast.success(`Imported ${added} ${added === 1 ? 'case' : 'cases'} into ${dataset.name}`);
    onImported(dataset.name);
    if (warnings.length === 0 && !hasSuggestions(suggested)) close(false);
  };
  const onSubmit = form.handleSubmit(async (values) => done(await importer.submit(values)));
  const importAnyway = form.handleSubmit(async (values) =>
    done(await importer.submit(values, { skipUnmapped: true })),
  );

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent data-testid="import-dialog" className="max-w-xl">
        <DialogTitle>Import cases</DialogTitle>
        <DialogDescription>
          A YAML, CSV or JSONL dataset file, or a promptfoo config. Nothing is imported when any
          case is invalid.
        </DialogDescription>
        <Form {...form}>
          <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
            <ImportSourceFields file={file} onPickFile={(f) => void importer.pickFile(f)} />
            <div className="grid grid-cols-2 gap-3">
              <Field<ImportFormValues, 'format'>
                name="format"
                label="Format"
                render={({ value, onChange, ...field }) => (
                  <OptionSelect
                    value={value}
                    onValueChange={onChange}
                    options={FORMAT_OPTIONS}
                    data-testid="import-format"
                    {...field}
                  />
                )}
              />
              <Field<ImportFormValues, 'name'>
                name="name"
                label="Dataset name"
                render={(field) => (
                  <Input
                    data-testid="import-name"
                    className="font-mono text-[13px]"
                    placeholder={file ? 'from the file' : 'support/faq'}
                    autoComplete="off"
                    spellCheck={false}
                    {...field}
                  />
                )}
              />
            </div>
            <div className="flex flex-wrap items-end gap-3">
              <Field<ImportFormValues, 'mode'>
                name="mode"
                label="Into"
                render={({ value, onChange, ref: _ref, ...field }) => (
                  <ToggleGroup
                    type="single"
                    value={value}
                    onValueChange={(next) => next && onChange(next)}
                    {...field}
                  >
                    {MODES.map((m) => (
                      <ToggleGroupItem key={m.value} value={m.value} data-testid={m.testId}>
                        {m.label}
                      </ToggleGroupItem>
                    ))}
                  </ToggleGroup>
                )}
              />
              {mode === 'create' ? (
                <Field<ImportFormValues, 'type'>
                  name="type"
                  label="Interaction type"
                  render={({ value, onChange, ...field }) => (
                    <OptionSelect
                      value={value}
                      onValueChange={onChange}
                      options={TYPE_OPTIONS}
                      data-testid="import-type"
                      className="h-7 w-auto text-xs"
                      {...field}
                    />
                  )}
                />
              ) : null}
            </div>
            {unmapped.length > 0 ? (
              <UnmappedReport
                unmapped={unmapped}
                busy={importer.busy}
                onImportAnyway={() => void importAnyway()}
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
                disabled={importer.busy || !importer.ready || outcome !== null}
              >
                {importer.busy ? <LoaderCircle className="animate-spin" /> : null}
                Import
              </Button>
            </div>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
