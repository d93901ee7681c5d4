import { Field } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { useChannelQuery } from '../../query/channel-query';
import type { GraderFormValues } from './grader-form';
import { JudgeModelFields } from './judge-model-fields';

type V = GraderFormValues;

/**
 * An LLM judge: its prompt in the registry (name and label, `production` by default) and the
 * model it runs on, picked from the providers set up in Settings (others are marked) with the
 * models each one lists.
 */
export function JudgeFields() {
  const prompts = useChannelQuery('prompts.list', {});
  return (
    <div className="grid grid-cols-2 items-start gap-3">
      <Field<V, 'definition.prompt.name'>
        name="definition.prompt.name"
        label="Judge prompt"
        hint="A prompt of the registry; its {{input}}, {{output}}, {{rubric}}… are filled per target."
        render={({ value, ...field }) => (
          <Input
            {...field}
            value={(value as string | undefined) ?? ''}
            list="grader-prompt-names"
            className="font-mono text-xs"
            placeholder="assay-judge-accuracy"
            autoComplete="off"
            spellCheck={false}
            data-testid="judge-prompt-name"
          />
        )}
      />
      <Field<V, 'definition.prompt.label'>
        name="definition.prompt.label"
        label="Label"
        render={({ value, onChange, ...field }) => (
          <Input
            {...field}
            value={(value as string | undefined) ?? ''}
            onChange={(e) => onChange(e.target.value || undefined)}
            className="font-mono text-xs"
            placeholder="production"
            data-testid="judge-prompt-label"
          />
        )}
      />
      <datalist id="grader-prompt-names">
        {(prompts.data?.prompts ?? [])
          .filter((p) => p.deletedAt === null)
          .map((p) => (
            <option key={p.name} value={p.name} />
          ))}
      </datalist>
      <JudgeModelFields<V>
        provider="definition.model.provider"
        model="definition.model.model"
        testId="judge"
      />
    </div>
  );
}
