import { Plus } from 'lucide-react';
import { useMemo } from 'react';
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import type { MatcherInput, MatcherTypeView } from '../../../../shared/contract';
import { MatcherEditor } from '../../components/matchers/matcher-editor';
import { useMatcherTypes } from '../../components/matchers/use-matcher-types';
import { Button } from '../../components/ui/button';
import type { CaseFormValues } from './case-form';

type MatcherErrors = Readonly<Record<string, string>>;

/**
 * The case form's errors on one matcher, as the shared editor takes them (option → message, ''
 * for the matcher as a whole). showCaseError puts the core's `matchers.1.pattern` there.
 */
function matcherErrorsOf(errors: unknown): MatcherErrors {
  if (!errors || typeof errors !== 'object') return {};
  const own = errors as { message?: unknown } & Record<string, unknown>;
  if (typeof own.message === 'string') return { '': own.message };
  const out: Record<string, string> = {};
  for (const [option, error] of Object.entries(own)) {
    const message = (error as { message?: unknown } | undefined)?.message;
    if (typeof message === 'string') out[option] = message;
  }
  return out;
}

function CaseMatcher({
  index,
  types,
  onRemove,
}: {
  index: number;
  types: readonly MatcherTypeView[];
  onRemove: () => void;
}) {
  const { control, setValue } = useFormContext<CaseFormValues>();
  const value = useWatch({ control, name: `matchers.${index}` }) as MatcherInput;
  const { errors } = useFormState({ control, name: `matchers.${index}` });
  const found: MatcherErrors = matcherErrorsOf(errors.matchers?.[index]);
  // Kept by content: the editor re-applies errors whenever the object changes, and the form
  // state hands a new one on every render, which would bring back an error just corrected.
  const key = JSON.stringify(found);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is `found`'s content
  const matcherErrors = useMemo(() => found, [key]);
  return (
    <li>
      <MatcherEditor
        testId={`matcher-${index}`}
        types={types}
        value={value}
        errors={matcherErrors}
        onChange={(next) => setValue(`matchers.${index}`, next, { shouldDirty: true })}
        onRemove={onRemove}
      />
    </li>
  );
}

/**
 * The case editor's matchers, each in the shared matcher editor: its type from the core's list
 * and its options as a form. The core still validates each one on save; its message shows on
 * the option it names.
 */
export function CaseMatchersSlot() {
  const { control } = useFormContext<CaseFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'matchers' });
  const { errors } = useFormState<CaseFormValues>({ name: 'matchers' });
  const types = useMatcherTypes();
  const listError = errors.matchers?.message ?? errors.matchers?.root?.message;
  return (
    <fieldset className="flex min-w-0 flex-col gap-2" data-testid="case-matchers">
      {/* min-w-0: a fieldset is as wide as its content by default, wider than the sheet. */}
      <legend className="mb-1 text-sm font-medium">Matchers</legend>
      {fields.length === 0 ? (
        <p className="text-xs text-muted-foreground">
          None: the case is unscored until a matcher judges it.
        </p>
      ) : types === null ? (
        <p className="text-xs text-muted-foreground">Loading the matcher types…</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {fields.map((field, index) => (
            <CaseMatcher
              key={field.id}
              index={index}
              types={types}
              onRemove={() => remove(index)}
            />
          ))}
        </ul>
      )}
      {listError ? (
        <p role="alert" data-testid="field-error" className="text-xs text-destructive">
          {listError}
        </p>
      ) : null}
      <Button
        type="button"
        variant="outline"
        size="xs"
        className="self-start"
        data-testid="matcher-add"
        onClick={() => append({ type: 'contains' })}
      >
        <Plus />
        Add matcher
      </Button>
    </fieldset>
  );
}
