import { LoaderCircle } from 'lucide-react';
import { useMemo, useState } from 'react';
import { DatasetPicker } from '../../../components/span/dataset-picker';
import { NEW_DATASET } from '../../../components/span/save-case-form';
import { useCaseForm } from '../../../components/span/use-case-form';
import { DialogFormFooter } from '../../../components/ui/dialog-form-footer';
import { Form, FormRootError } from '../../../components/ui/form';
import { Sheet, SheetContent, SheetDescription, SheetTitle } from '../../../components/ui/sheet';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useChannelQuery } from '../../../query/channel-query';
import { CaseFormFields } from '../../datasets/case-form-fields';
import { parseExpected, parseVars } from '../../datasets/case-fields';
import { RedactionPanel } from './redaction-panel';
import { draftId, draftNote, sourceId, type StealDraft, type StealSource } from './steal-source';
import { useStealSave } from './use-steal-save';

/** The draft's fields, previewed as they are edited (a pause first, not on every key). */
function usePreview(vars: string, expected: string) {
  const text = useDebouncedValue({ vars, expected }, 300);
  const input = useMemo(() => {
    const parsedVars = parseVars(text.vars);
    if (!parsedVars.ok) return null;
    const parsedExpected = parseExpected(text.expected);
    const value = parsedExpected.ok ? parsedExpected.value : null;
    return {
      vars: parsedVars.value,
      ...(value === null || value === undefined ? {} : { expected: value as never }),
    };
  }, [text]);
  return useChannelQuery('cases.redactionPreview', input).data ?? null;
}

function EditStep({
  source,
  draft,
  onClose,
}: {
  source: StealSource;
  draft: StealDraft;
  onClose: () => void;
}) {
  const { form, datasets, picked } = useCaseForm(draft);
  const preview = usePreview(form.watch('vars'), form.watch('expected'));
  // Masking is on by default; the user may keep the original text instead.
  const [masked, setMasked] = useState(true);
  const saver = useStealSave(source, form, masked, onClose);
  return (
    <Form {...form}>
      <form
        noValidate
        className="flex flex-col gap-3"
        onSubmit={(e) => void form.handleSubmit(saver.save)(e)}
      >
        <DatasetPicker datasets={datasets} creating={picked === NEW_DATASET} />
        <CaseFormFields
          testIdPrefix="steal"
          varsNote={
            <span className="truncate text-[11px] font-normal text-muted-foreground">
              {draftNote(draft)}
            </span>
          }
        />
        <RedactionPanel preview={preview} masked={masked} onMaskedChange={setMasked} />
        <FormRootError />
        <DialogFormFooter
          onCancel={onClose}
          errorTestId="steal-error"
          busy={saver.busy}
          submitTestId="steal-save"
        >
          Save case
        </DialogFormFooter>
      </form>
    </Form>
  );
}

/** The draft of a span's or an interaction's case. */
function useDraft(source: StealSource, open: boolean) {
  const span = useChannelQuery(
    'cases.draftFromSpan',
    open && source.kind === 'span' ? { spanId: source.spanId } : null,
  );
  const interaction = useChannelQuery(
    'cases.draftFromInteraction',
    open && source.kind === 'interaction' ? { interactionId: source.interactionId } : null,
  );
  const query = source.kind === 'span' ? span : interaction;
  const draft: StealDraft | null =
    query.data && draftId(query.data) === sourceId(source) ? query.data : null;
  return { draft, error: query.error };
}

/**
 * "Steal as eval": the case a span or an interaction would become, editable, with a redaction
 * preview; saved into a dataset only when confirmed.
 */
export function StealSheet({
  source,
  open,
  onOpenChange,
}: {
  source: StealSource;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { draft, error } = useDraft(source, open);
  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetContent data-testid="steal-sheet" className="w-[min(40rem,100vw)]">
        <SheetTitle>Steal as eval</SheetTitle>
        <SheetDescription>
          This {source.kind === 'span' ? 'call' : 'interaction'} becomes a test case: check what it
          holds, what it should answer, and what is masked before it is saved.
        </SheetDescription>
        {draft ? (
          <EditStep
            key={draftId(draft)}
            source={source}
            draft={draft}
            onClose={() => onOpenChange(false)}
          />
        ) : error ? (
          <p className="text-sm text-destructive" role="alert" data-testid="steal-draft-error">
            {error.message}
          </p>
        ) : (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <LoaderCircle className="size-4 animate-spin" />
            Reading…
          </p>
        )}
      </SheetContent>
    </Sheet>
  );
}
