import { useFormContext, useWatch } from 'react-hook-form';
import type { PromptSummary } from '../../../../shared/contract';
import { Field } from '../../components/ui/form';
import { OptionSelect } from '../../components/ui/option-select';
import { usePromptVersions } from '../evals/use-run-options';
import type { RunFormValues } from './run-form';

type V = RunFormValues;

/**
 * A saved prompt and which of its versions: a label (production…), a version, or its latest.
 * `role` picks the form's fields (`candidatePrompt`/`candidateSelector`, or the baseline's).
 */
export function PromptRefFields({
  role,
  label,
  prompts,
  optional,
}: {
  role: 'candidate' | 'baseline';
  label: string;
  prompts: readonly PromptSummary[];
  optional: boolean;
}) {
  const { control, setValue } = useFormContext<V>();
  const promptName = `${role}Prompt` as const;
  const selectorName = `${role}Selector` as const;
  const chosen = useWatch({ control, name: promptName });
  const saved = prompts.find((p) => p.name === chosen) ?? null;
  const versions = usePromptVersions(saved?.name ?? null);
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field<V, typeof promptName>
        name={promptName}
        label={label}
        render={({ value, onChange, ref: _ref, ...field }) => (
          <OptionSelect
            {...field}
            value={value}
            placeholder="Pick a prompt"
            options={[
              ...(optional ? [{ value: '', label: 'None (same prompt as recorded)' }] : []),
              ...prompts.map((p) => ({ value: p.name, label: p.name })),
            ]}
            data-testid={`run-${role}-prompt`}
            className="h-8"
            onValueChange={(next) => {
              onChange(next);
              // Another prompt's labels and versions are not this one's.
              setValue(selectorName, '');
            }}
          />
        )}
      />
      {saved ? (
        <Field<V, typeof selectorName>
          name={selectorName}
          label="Version or label"
          render={({ value, onChange, ref: _ref, ...field }) => (
            <OptionSelect
              {...field}
              value={value}
              options={[
                { value: '', label: `latest → ${saved.latestVersion}` },
                ...Object.entries(saved.labels).map(([name, version]) => ({
                  value: `label:${name}`,
                  label: `label ${name} → ${version}`,
                })),
                ...versions.map((v) => ({
                  value: `version:${v.version}`,
                  label: `${v.version}${v.message ? ` · ${v.message}` : ''}`,
                })),
              ]}
              data-testid={`run-${role}-version`}
              className="h-8"
              onValueChange={onChange}
            />
          )}
        />
      ) : null}
    </div>
  );
}
