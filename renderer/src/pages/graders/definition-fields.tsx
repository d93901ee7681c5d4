import { useFormContext, useWatch } from 'react-hook-form';
import { GRADER_KINDS, type GraderKind } from '../../../../shared/contract';
import { Field } from '../../components/ui/form';
import { OptionSelect } from '../../components/ui/option-select';
import { CodeTextarea } from '../datasets/code-textarea';
import { DeterministicFields } from './deterministic-fields';
import { definitionFor, type GraderFormValues } from './grader-form';
import { JudgeFields } from './judge-fields';
import { NumberInput } from './number-input';
import { KIND_LABELS } from './score-config-text';

type V = GraderFormValues;

function CodeFields() {
  return (
    <div className="flex flex-col gap-3">
      <Field<V, 'definition.source'>
        name="definition.source"
        label="Function body"
        hint="JavaScript run in a sandbox with `target` (input, output, expected…); return a number, true/false, a level name or { value | level, reason }."
        render={({ value, ...field }) => (
          <CodeTextarea
            {...field}
            value={(value as string) ?? ''}
            rows={8}
            data-testid="code-source"
          />
        )}
      />
      <Field<V, 'definition.timeoutMs'>
        name="definition.timeoutMs"
        label="Timeout (ms)"
        className="w-40"
        render={({ value, onChange, ...field }) => (
          <NumberInput
            {...field}
            value={value as number | undefined}
            onChange={onChange}
            data-testid="code-timeout"
          />
        )}
      />
    </div>
  );
}

function HumanFields() {
  return (
    <Field<V, 'definition.instructions'>
      name="definition.instructions"
      label="Instructions for reviewers"
      render={({ value, ...field }) => (
        <CodeTextarea
          {...field}
          value={(value as string) ?? ''}
          rows={4}
          data-testid="human-instructions"
        />
      )}
    />
  );
}

/** How a grader scores: its kind (fixed once created), then that kind's fields. */
export function DefinitionFields({ kindLocked }: { kindLocked: boolean }) {
  const { control, setValue } = useFormContext<V>();
  const kind = useWatch({ control, name: 'definition.kind' });
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border p-3" data-testid="definition-fields">
      <legend className="px-1 text-xs font-medium">Definition</legend>
      <Field<V, 'definition.kind'>
        name="definition.kind"
        label="Kind"
        className="w-56"
        hint={kindLocked ? 'A grader keeps its kind: make a new grader for another.' : undefined}
        render={({ value, ...field }) => (
          <OptionSelect
            {...field}
            value={value}
            disabled={kindLocked}
            data-testid="grader-kind-select"
            options={GRADER_KINDS.map((k) => ({
              value: k,
              label: KIND_LABELS[k],
              testId: `grader-kind-${k}`,
            }))}
            onValueChange={(next: GraderKind) =>
              setValue('definition', definitionFor(next), { shouldDirty: true })
            }
          />
        )}
      />
      {kind === 'deterministic' ? <DeterministicFields /> : null}
      {kind === 'llm_judge' ? <JudgeFields /> : null}
      {kind === 'code' ? <CodeFields /> : null}
      {kind === 'human' ? <HumanFields /> : null}
    </fieldset>
  );
}
