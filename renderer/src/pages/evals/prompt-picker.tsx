import { useFormContext, useWatch } from 'react-hook-form';
import type { PromptSummary } from '../../../../shared/contract';
import { FormControl, FormField, FormItem, FormMessage } from '../../components/ui/form';
import { SelectItem } from '../../components/ui/select';
import type { RunFormValues } from './new-run/run-form-schema';
import { SelectField } from './new-run/select-field';
import { INLINE } from './run-form';
import { usePromptVersions } from './use-run-options';

/** Radix Select items cannot be empty: the default version (production, else latest). */
const DEFAULT = '__default__';

const TEXTAREA =
  'w-full rounded-md border border-input bg-background px-2 py-1 font-mono text-xs shadow-xs outline-none focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40 aria-invalid:border-destructive dark:bg-input/20';

/** A saved prompt with a version or label (production by default), or an inline template. */
export function PromptPicker({ prompts }: { prompts: readonly PromptSummary[] | null }) {
  const { control, setValue } = useFormContext<RunFormValues>();
  const prompt = useWatch({ control, name: 'prompt' });
  const saved = prompts?.find((p) => p.name === prompt) ?? null;
  const versions = usePromptVersions(saved?.name ?? null);
  const labels = saved ? Object.entries(saved.labels) : [];
  const production = saved?.labels.production;
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-start gap-2">
        <SelectField
          name="prompt"
          label="Prompt"
          testId="run-prompt"
          className="min-w-0 flex-1"
          placeholder={prompts ? 'Pick a prompt' : 'Loading prompts…'}
          // Another prompt's versions and labels are not this one's.
          onPicked={() => setValue('selector', '')}
        >
          {(prompts ?? []).map((p) => (
            <SelectItem key={p.id} value={p.name}>
              {`${p.name} (${p.kind})`}
            </SelectItem>
          ))}
          <SelectItem value={INLINE}>Inline template…</SelectItem>
        </SelectField>
        {saved ? (
          <SelectField
            name="selector"
            label="Version or label"
            testId="run-prompt-version"
            className="w-56"
            emptyAs={DEFAULT}
          >
            <SelectItem value={DEFAULT}>
              {production
                ? `production → ${production} (default)`
                : `latest → ${saved.latestVersion} (default)`}
            </SelectItem>
            {labels.map(([label, version]) => (
              <SelectItem key={label} value={`label:${label}`}>
                {`label ${label} → ${version}`}
              </SelectItem>
            ))}
            {versions.map((v) => (
              <SelectItem key={v.id} value={`version:${v.version}`}>
                {`${v.version}${v.message ? ` · ${v.message}` : ''}`}
              </SelectItem>
            ))}
          </SelectField>
        ) : null}
      </div>
      {prompt === INLINE ? (
        <>
          <InlineText name="template" label="Inline template" rows={3} />
          <InlineText name="system" label="Inline system message" rows={2} />
        </>
      ) : null}
    </div>
  );
}

/** One of the inline prompt's texts: labelled for screen readers, its error under it. */
function InlineText({
  name,
  label,
  rows,
}: {
  name: 'template' | 'system';
  label: string;
  rows: number;
}) {
  const { control } = useFormContext<RunFormValues>();
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormControl>
            <textarea
              aria-label={label}
              data-testid={`run-inline-${name}`}
              className={TEXTAREA}
              rows={rows}
              spellCheck={false}
              placeholder={
                name === 'template' ? 'Answer the question: {{input}}' : 'System message (optional)'
              }
              {...field}
            />
          </FormControl>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
