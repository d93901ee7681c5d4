import type { ReactNode } from 'react';
import { Field } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import type { CaseFormValues } from './case-form';
import { CaseMatchersSlot } from './case-matchers-slot';
import { CodeTextarea } from './code-textarea';

const rowsOf = (text: string | undefined, min: number) =>
  Math.min(10, Math.max(min, (text ?? '').split('\n').length));

/**
 * A case's fields inside a form on caseFormSchema: the case editor's and the span's "add to a
 * dataset" dialog's. `testIdPrefix` keeps each one's test ids (`case-editor-vars`).
 */
export function CaseFormFields({
  testIdPrefix,
  varsNote,
  expectedNote,
  withTags = true,
}: {
  testIdPrefix: string;
  /** Where the variables came from, shown beside their label. */
  varsNote?: ReactNode;
  /** Beside the expected output's label (the span dialog's Clear). */
  expectedNote?: ReactNode;
  withTags?: boolean;
}) {
  return (
    <>
      <Field<CaseFormValues, 'vars'>
        name="vars"
        label={
          <span className="flex items-center gap-2">
            Variables
            {varsNote}
          </span>
        }
        hint='A JSON object ({ "input": "…" }), or key=value lines.'
        render={(field) => (
          <CodeTextarea
            data-testid={`${testIdPrefix}-vars`}
            rows={rowsOf(field.value, 3)}
            {...field}
          />
        )}
      />
      <Field<CaseFormValues, 'expected'>
        name="expected"
        label={
          <span className="flex w-full items-center gap-2">
            Expected output
            {expectedNote}
          </span>
        }
        hint="Text, or JSON; empty: none."
        render={(field) => (
          <CodeTextarea
            data-testid={`${testIdPrefix}-expected`}
            rows={rowsOf(field.value, 2)}
            placeholder="No expected output"
            {...field}
          />
        )}
      />
      <Field<CaseFormValues, 'description'>
        name="description"
        label="Description"
        render={(field) => (
          <Input
            data-testid={`${testIdPrefix}-description`}
            className="text-[13px]"
            placeholder="What this case checks"
            {...field}
          />
        )}
      />
      {withTags ? (
        <Field<CaseFormValues, 'tags'>
          name="tags"
          label="Tags"
          hint="Comma-separated."
          render={(field) => (
            <Input
              data-testid={`${testIdPrefix}-tags`}
              className="text-[13px]"
              placeholder="refunds, edge-case"
              {...field}
            />
          )}
        />
      ) : null}
      <CaseMatchersSlot />
    </>
  );
}
