import type { PromptSummary } from '../../../../shared/contract';
import { Label } from '../../components/ui/label';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '../../components/ui/select';
import { INLINE, type RunForm } from './run-form';
import { usePromptVersions } from './use-run-options';

interface PromptPickerProps {
  prompts: readonly PromptSummary[] | null;
  form: RunForm;
  onChange: (patch: Partial<RunForm>) => void;
}

/** Radix Select items cannot be empty: the default version (production, else latest). */
const DEFAULT = '__default__';

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
        <Select
          value={form.prompt}
          onValueChange={(value) => onChange({ prompt: value, selector: '' })}
        >
          <SelectTrigger id="run-prompt" data-testid="run-prompt" data-value={form.prompt}>
            <SelectValue placeholder={prompts ? 'Pick a prompt' : 'Loading prompts…'} />
          </SelectTrigger>
          <SelectContent>
            {(prompts ?? []).map((p) => (
              <SelectItem key={p.id} value={p.name}>
                {`${p.name} (${p.kind})`}
              </SelectItem>
            ))}
            <SelectItem value={INLINE}>Inline template…</SelectItem>
          </SelectContent>
        </Select>
        {saved ? (
          <Select
            value={form.selector === '' ? DEFAULT : form.selector}
            onValueChange={(value) => onChange({ selector: value === DEFAULT ? '' : value })}
          >
            <SelectTrigger
              aria-label="Version or label"
              data-testid="run-prompt-version"
              data-value={form.selector}
              className="w-56"
            >
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={DEFAULT}>
                {production
                  ? `production → ${production} (default)`
                  : `latest → ${saved.latestVersion} (default)`}
              </SelectItem>
              {labels.map(([label, version]) => (
                <SelectItem
                  key={label}
                  value={`label:${label}`}
                >{`label ${label} → ${version}`}</SelectItem>
              ))}
              {versions.map((v) => (
                <SelectItem key={v.id} value={`version:${v.version}`}>
                  {`${v.version}${v.message ? ` · ${v.message}` : ''}`}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
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
