import { LoaderCircle, X } from 'lucide-react';
import type { SpanCaseDraft } from '../../../../shared/contract';
import { CaseFormFields } from '../../pages/datasets/case-form-fields';
import { useChannelQuery } from '../../query/channel-query';
import { Button } from '../ui/button';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../ui/dialog';
import { DialogFormFooter } from '../ui/dialog-form-footer';
import { Form, FormRootError } from '../ui/form';
import { DatasetPicker } from './dataset-picker';
import { NEW_DATASET } from './save-case-form';
import { useCaseForm } from './use-case-form';
import { useSaveCase } from './use-save-case';

function sourceNote(draft: SpanCaseDraft): string {
  if (draft.source === 'messages')
    return 'No prompt variables were recorded: the last user message stands in as input, the system prompt as system';
  const from = draft.source === 'eval-case' ? 'an eval case' : 'a playground run';
  return `The prompt's variables${draft.prompt ? ` of ${draft.prompt}` : ''}, from ${from}`;
}

interface EditStepProps {
  draft: SpanCaseDraft;
  onClose: () => void;
}

/** The fields, filled from the draft once it has loaded (mounted then, so it starts from it). */
function EditStep({ draft, onClose }: EditStepProps) {
  const { form, datasets, picked } = useCaseForm(draft);
  const expected = form.watch('expected');
  const saver = useSaveCase(draft.spanId, form, onClose);

  return (
    <Form {...form}>
      <form
        noValidate
        className="mt-3 flex flex-col gap-3"
        onSubmit={(e) => void form.handleSubmit(saver.save)(e)}
      >
        <DatasetPicker datasets={datasets} creating={picked === NEW_DATASET} />
        <CaseFormFields
          testIdPrefix="save-case"
          varsNote={
            <span
              className="truncate text-[11px] font-normal text-muted-foreground"
              data-testid="save-case-source"
              data-source={draft.source}
            >
              {sourceNote(draft)}
            </span>
          }
          expectedNote={
            expected !== '' ? (
              <Button
                type="button"
                variant="ghost"
                size="xs"
                className="ml-auto h-5"
                data-testid="save-case-expected-clear"
                onClick={() => form.setValue('expected', '', { shouldDirty: true })}
              >
                <X />
                Clear
              </Button>
            ) : null
          }
        />
        <FormRootError />
        <DialogFormFooter
          onCancel={onClose}
          errorTestId="save-case-error"
          busy={saver.busy}
          submitTestId="save-case-save"
        >
          Add case
        </DialogFormFooter>
      </form>
    </Form>
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
  const query = useChannelQuery('cases.draftFromSpan', open ? { spanId } : null);
  // The previous span's draft stays while this one loads: never edited under this id.
  const draft = query.data?.spanId === spanId ? query.data : null;
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
        {draft ? (
          <EditStep key={draft.spanId} draft={draft} onClose={() => onOpenChange(false)} />
        ) : query.error ? (
          <p className="mt-3 text-sm text-destructive" role="alert">
            {query.error.toString()}
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
