import type { PromptSummary } from '../../../../shared/contract';
import { Label } from '../../components/ui/label';
import { NativeSelect } from '../../components/ui/native-select';
import { INLINE, type RunForm } from './run-form';
import { usePromptVersions } from './use-run-options';

interface PromptPickerProps {
  prompts: readonly PromptSummary[] | null;
  form: RunForm;
  onChange: (patch: Partial<RunForm>) => void;
}

const TEXTAREA =
  'w-full rounded-md border border-input bg-background px-2 py-1 font-mono text-xs shadow-xs outline-none focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40 dark:bg-input/20';

/** A saved prompt with a version or label (production by default), or an inline template. */
export function PromptPicker({ prompts, form, onChange }: PromptPickerProps) {
  const saved = prompts?.find((p) => p.name === form.prompt) ?? null;
  const versions = usePromptVersions(saved?.name ?? null);
  const labels = saved ? Object.entries(saved.labels) : [];
  const production = saved?.labels.production;
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor="run-prompt">Prompt</Label>
      <div className="flex gap-2">
        <NativeSelect
          id="run-prompt"
          data-testid="run-prompt"
          value={form.prompt}
          onChange={(e) => onChange({ prompt: e.target.value, selector: '' })}
        >
          <option value="">{prompts ? 'Pick a prompt' : 'Loading prompts…'}</option>
          {(prompts ?? []).map((p) => (
            <option key={p.id} value={p.name}>
              {`${p.name} (${p.kind})`}
            </option>
          ))}
          <option value={INLINE}>Inline template…</option>
        </NativeSelect>
        {saved ? (
          <NativeSelect
            aria-label="Version or label"
            data-testid="run-prompt-version"
            className="w-56"
            value={form.selector}
            onChange={(e) => onChange({ selector: e.target.value })}
          >
            <option value="">
              {production
                ? `production → ${production} (default)`
                : `latest → ${saved.latestVersion} (default)`}
            </option>
            {labels.map(([label, version]) => (
              <option key={label} value={`label:${label}`}>{`label ${label} → ${version}`}</option>
            ))}
            {versions.map((v) => (
              <option key={v.id} value={`version:${v.version}`}>
                {`${v.version}${v.message ? ` · ${v.message}` : ''}`}
              </option>
            ))}
          </NativeSelect>
        ) : null}
      </div>
      {form.prompt === INLINE ? (
        <div className="flex flex-col gap-1.5">
          <textarea
            aria-label="Inline template"
            data-testid="run-inline-template"
            className={TEXTAREA}
            rows={3}
            spellCheck={false}
            placeholder="Answer the question: {{input}}"
            value={form.template}
            onChange={(e) => onChange({ template: e.target.value })}
          />
          <textarea
            aria-label="Inline system message"
            data-testid="run-inline-system"
            className={TEXTAREA}
            rows={2}
            spellCheck={false}
            placeholder="System message (optional)"
            value={form.system}
            onChange={(e) => onChange({ system: e.target.value })}
          />
        </div>
      ) : null}
    </div>
  );
}
