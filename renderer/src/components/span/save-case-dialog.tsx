import { LoaderCircle, X } from 'lucide-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { SpanCaseDraft } from '../../../../shared/contract';
import { useChannel } from '../../lib/use-channel';
import { CodeTextarea } from '../../pages/datasets/code-textarea';
import { expectedText, varsText } from '../../pages/datasets/case-fields';
import { Button } from '../ui/button';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../ui/dialog';
import { DialogFormFooter } from '../ui/dialog-form-footer';
import { Input } from '../ui/input';
import { Label } from '../ui/label';
import { DatasetPicker, NEW_DATASET, type DatasetChoice } from './dataset-picker';
import { LAST_DATASET, useSaveCase, type CaseDraftText, type CaseField } from './use-save-case';

const MATCHERS_HINT = '[{ "type": "contains", "value": "Paris" }]';

function Field({
  id,
  label,
  note,
  error,
  children,
}: {
  id: CaseField;
  label: string;
  note?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center gap-2">
        <Label htmlFor={`save-case-${id}`}>{label}</Label>
        {note}
      </div>
      {children}
      {error ? (
        <p className="text-xs break-words text-destructive" data-testid={`save-case-${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function sourceNote(draft: SpanCaseDraft): string {
  if (draft.source === 'messages')
    return 'No prompt variables were recorded: the last user message stands in as input, the system prompt as system';
  const from = draft.source === 'eval-case' ? 'an eval case' : 'a playground run';
  return `The prompt's variables${draft.prompt ? ` of ${draft.prompt}` : ''}, from ${from}`;
}

function lastDataset(): string {
  try {
    return localStorage.getItem(LAST_DATASET) ?? '';
  } catch {
    return '';
  }
}

interface EditStepProps {
  draft: SpanCaseDraft;
  onClose: () => void;
}

/** The fields, filled from the draft once it has loaded (mounted then, so it starts from it). */
function EditStep({ draft, onClose }: EditStepProps) {
  const list = useChannel('datasets.list', {});
  // None once the list failed (already toasted): a new dataset can still be named.
  const datasets = list.data
    ? list.data.datasets.filter((d) => d.deletedAt === null)
    : list.error
      ? []
      : null;
  const [text, setText] = useState<CaseDraftText>(() => ({
    dataset: { picked: '', newName: '' },
    vars: varsText(draft.vars),
    expected: expectedText(draft.expected),
    matchers: '[]',
    description: draft.description,
  }));
  // The last dataset used, once the list says it still exists; a new one when there is none.
  const [remembered] = useState(lastDataset);
  const dataset: DatasetChoice =
    text.dataset.picked !== '' || !datasets
      ? text.dataset
      : datasets.some((d) => d.name === remembered)
        ? { picked: remembered, newName: '' }
        : datasets.length === 0
          ? { picked: NEW_DATASET, newName: text.dataset.newName }
          : text.dataset;
  const saver = useSaveCase(draft.spanId, onClose);
  const set = (patch: Partial<CaseDraftText>) => setText((t) => ({ ...t, ...patch }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void saver.save({ ...text, dataset }).then((created) => {
      if (!created) return;
      // Made on the way, though the case was refused: a retry adds to it, it is not made twice.
      set({ dataset: { picked: created, newName: '' } });
      list.reload();
    });
  };

  return (
    <form noValidate className="mt-3 flex flex-col gap-3" onSubmit={onSubmit}>
      <DatasetPicker
        datasets={datasets}
        value={dataset}
        onChange={(value) => set({ dataset: value })}
        error={saver.errors.dataset}
      />
      <Field
        id="vars"
        label="Variables"
        error={saver.errors.vars}
        note={
          <span
            className="truncate text-[11px] text-muted-foreground"
            data-testid="save-case-source"
            data-source={draft.source}
          >
            {sourceNote(draft)}
          </span>
        }
      >
        <CodeTextarea
          id="save-case-vars"
          data-testid="save-case-vars"
          rows={Math.min(8, Math.max(3, text.vars.split('\n').length))}
          aria-invalid={saver.errors.vars ? true : undefined}
          value={text.vars}
          onChange={(e) => set({ vars: e.target.value })}
        />
      </Field>
      <Field
        id="expected"
        label="Expected output"
        error={saver.errors.expected}
        note={
          text.expected !== '' ? (
            <Button
              type="button"
              variant="ghost"
              size="xs"
              className="ml-auto h-5"
              data-testid="save-case-expected-clear"
              onClick={() => set({ expected: '' })}
            >
              <X />
              Clear
            </Button>
          ) : (
            <span className="text-[11px] text-muted-foreground">none</span>
          )
        }
      >
        <CodeTextarea
          id="save-case-expected"
          data-testid="save-case-expected"
          rows={3}
          placeholder="No expected output"
          aria-invalid={saver.errors.expected ? true : undefined}
          value={text.expected}
          onChange={(e) => set({ expected: e.target.value })}
        />
      </Field>
      <Field
        id="matchers"
        label="Matchers"
        error={saver.errors.matchers}
        note={<span className="text-[11px] text-muted-foreground">a JSON list</span>}
      >
        <CodeTextarea
          id="save-case-matchers"
          data-testid="save-case-matchers"
          rows={3}
          placeholder={MATCHERS_HINT}
          aria-invalid={saver.errors.matchers ? true : undefined}
          value={text.matchers}
          onChange={(e) => set({ matchers: e.target.value })}
        />
      </Field>
      <Field id="description" label="Description" error={saver.errors.description}>
        <Input
          id="save-case-description"
          data-testid="save-case-description"
          className="text-[13px]"
          value={text.description}
          onChange={(e) => set({ description: e.target.value })}
        />
      </Field>
      <DialogFormFooter
        onCancel={onClose}
        error={saver.error}
        errorTestId="save-case-error"
        busy={saver.busy}
        submitTestId="save-case-save"
      >
        Add case
      </DialogFormFooter>
    </form>
  );
}

interface SaveCaseDialogProps {
  spanId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * "Steal as eval", with an edit step: the case a traced call would become (cases.draftFromSpan:
 * the prompt's variables when the call rendered a prompt), to change before it is added to a
 * dataset that exists or one made here.
 */
export function SaveCaseDialog({ spanId, open, onOpenChange }: SaveCaseDialogProps) {
  const {
    data: draft,
    isCurrent,
    error,
  } = useChannel('cases.draftFromSpan', open ? { spanId } : null);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        data-testid="save-case-dialog"
        className="max-h-[90vh] max-w-xl overflow-y-auto"
      >
        <DialogTitle>Add to a dataset</DialogTitle>
        <DialogDescription>
          This call becomes a test case: check its variables, what it should answer and how to judge
          it.
        </DialogDescription>
        {draft && isCurrent ? (
          <EditStep key={draft.spanId} draft={draft} onClose={() => onOpenChange(false)} />
        ) : error ? (
          <p className="mt-3 text-sm text-destructive" role="alert">
            {error.toString()}
          </p>
        ) : (
          <p className="mt-3 flex items-center gap-2 text-sm text-muted-foreground">
            <LoaderCircle className="size-4 animate-spin" />
            Reading the call…
          </p>
        )}
      </DialogContent>
    </Dialog>
  );
}
