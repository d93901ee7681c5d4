import { toast } from 'sonner';
import type { TestCaseView } from '../../../../shared/contract';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Form, FormRootError } from '../../components/ui/form';
import { Sheet, SheetContent, SheetDescription, SheetTitle } from '../../components/ui/sheet';
import { useChannelMutation } from '../../query/channel-query';
import { useContractForm } from '../../query/contract-form';
import {
  caseFormSchema,
  caseFormValues,
  EMPTY_CASE,
  showCaseError,
  type CaseFormOutput,
} from './case-form';
import { CaseFormFields } from './case-form-fields';

interface CaseEditorProps {
  dataset: string;
  /** The case to edit; null adds a new one at the end. */
  testCase: TestCaseView | null;
  onClose: () => void;
  /** Saved: the case as it is now. */
  onSaved: (saved: TestCaseView) => void;
}

const TOUCHES = ['cases', 'datasets'];

/**
 * Adds or edits a whole case in a side sheet: variables, expected output, description, tags and
 * matchers. Mount it only while open, so it starts from the case as it is now.
 */
export function CaseEditor({ dataset, testCase, onClose, onSaved }: CaseEditorProps) {
  const form = useContractForm(caseFormSchema, testCase ? caseFormValues(testCase) : EMPTY_CASE);
  const add = useChannelMutation('cases.add', { invalidates: TOUCHES, meta: { form: true } });
  const update = useChannelMutation('cases.update', { invalidates: TOUCHES, meta: { form: true } });
  const busy = add.isPending || update.isPending;

  const save = async (values: CaseFormOutput) => {
    try {
      if (testCase) {
        const saved = await update.mutateAsync({
          id: testCase.id,
          dataset,
          baseRevision: testCase.revision,
          ...values,
        });
        toast.success(`Saved case #${saved.position}`);
        onSaved(saved);
      } else {
        const { expected, ...rest } = values;
        const { cases } = await add.mutateAsync({
          dataset,
          cases: [{ ...rest, ...(expected === null ? {} : { expected }) }],
        });
        const added = cases[0];
        if (added) {
          toast.success(`Added case #${added.position}`);
          onSaved(added);
        }
      }
    } catch (err) {
      showCaseError(form, err);
    }
  };

  return (
    <Sheet open onOpenChange={(open) => !open && onClose()}>
      <SheetContent data-testid="case-editor" className="w-[34rem] max-w-[90vw]">
        <SheetTitle>{testCase ? `Case #${testCase.position}` : 'New case'}</SheetTitle>
        <SheetDescription>
          {testCase
            ? `Saving makes revision ${testCase.revision + 1}; runs keep the revision they ran.`
            : `Added at the end of ${dataset}.`}
        </SheetDescription>
        <Form {...form}>
          <form
            noValidate
            className="flex flex-col gap-3"
            onSubmit={(e) => void form.handleSubmit(save)(e)}
          >
            <CaseFormFields testIdPrefix="case-editor" />
            <FormRootError />
            <DialogFormFooter
              onCancel={onClose}
              busy={busy}
              submitTestId="case-editor-save"
              errorTestId="case-editor-error"
            >
              {testCase ? 'Save case' : 'Add case'}
            </DialogFormFooter>
          </form>
        </Form>
      </SheetContent>
    </Sheet>
  );
}
