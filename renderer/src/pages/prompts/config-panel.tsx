import { ChevronRight, SlidersHorizontal } from 'lucide-react';
import { useState } from 'react';
import type { ProviderId } from '../../../../shared/contract';
import { PROVIDER_IDS } from '../../../../shared/contract';
import { Input } from '../../components/ui/input';
import { NativeSelect } from '../../components/ui/native-select';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import { cn } from '../../lib/utils';
import { configSummary, type ConfigDraft, type ConfigErrors } from './config-draft';
import { ConfigField } from './config-field';
import { ConfigJsonFields } from './config-json-fields';
import { Textarea } from './textarea';

interface ConfigPanelProps {
  draft: ConfigDraft;
  errors: ConfigErrors;
  onChange: (draft: ConfigDraft) => void;
}

const isProvider = (value: string): value is ProviderId =>
  (PROVIDER_IDS as readonly string[]).includes(value);

const NUMBERS = [
  ['temperature', 'Temperature', '0–2'],
  ['maxTokens', 'Max tokens', '1024'],
  ['topP', 'Top p', '0–1'],
] as const;

const testIdOf = (field: string) =>
  `config-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The model configuration versioned with the prompt; empty fields are not stored. */
export function ConfigPanel({ draft, errors, onChange }: ConfigPanelProps) {
  const errorCount = Object.keys(errors).length;
  const [open, setOpen] = useState(errorCount > 0);
  const set = (patch: Partial<ConfigDraft>) => onChange({ ...draft, ...patch });
  const shown = open || errorCount > 0;

  return (
    <section className="flex flex-col rounded-md border bg-card" data-testid="prompt-config">
      <button
        type="button"
        aria-expanded={shown}
        data-testid="prompt-config-toggle"
        onClick={() => setOpen(!shown)}
        className="flex items-center gap-1.5 px-3 py-2 text-left text-xs font-semibold"
      >
        <ChevronRight className={cn('size-3.5 transition-transform', shown && 'rotate-90')} />
        <SlidersHorizontal className="size-3.5 text-muted-foreground" />
        <span className="shrink-0 whitespace-nowrap">Model config</span>
        <span
          className={cn(
            'ml-auto min-w-0 truncate font-normal text-muted-foreground',
            errorCount > 0 && 'text-destructive',
          )}
        >
          {errorCount > 0 ? `${errorCount} to fix` : configSummary(draft)}
        </span>
      </button>
      {shown ? (
        <div className="grid grid-cols-2 gap-2.5 border-t px-3 py-3 *:col-span-2">
          <ConfigField id="config-provider" label="Provider" className="!col-span-1">
            <NativeSelect
              id="config-provider"
              data-testid="config-provider"
              className="h-7 text-xs"
              value={draft.provider}
              onChange={(e) => set({ provider: isProvider(e.target.value) ? e.target.value : '' })}
            >
              <option value="">Not set</option>
              {PROVIDER_IDS.map((id) => (
                <option key={id} value={id}>
                  {PROVIDER_LABELS[id]}
                </option>
              ))}
            </NativeSelect>
          </ConfigField>
          <ConfigField id="config-model" label="Model" className="!col-span-1">
            <Input
              id="config-model"
              data-testid="config-model"
              className="h-7 font-mono text-xs"
              placeholder="gpt-4.1-mini"
              spellCheck={false}
              value={draft.model}
              onChange={(e) => set({ model: e.target.value })}
            />
          </ConfigField>
          {NUMBERS.map(([field, label, placeholder]) => (
            <ConfigField
              key={field}
              id={testIdOf(field)}
              label={label}
              error={errors[field]}
              className="!col-span-1"
            >
              <Input
                id={testIdOf(field)}
                data-testid={testIdOf(field)}
                inputMode="decimal"
                className="h-7 font-mono text-xs"
                placeholder={placeholder}
                value={draft[field]}
                aria-invalid={errors[field] ? true : undefined}
                onChange={(e) => set({ [field]: e.target.value })}
              />
            </ConfigField>
          ))}
          <ConfigField
            id="config-stop"
            label="Stop sequences"
            error={errors.stop}
            hint="One per line; \n is a newline."
          >
            <Textarea
              id="config-stop"
              data-testid="config-stop"
              rows={2}
              className="text-xs"
              value={draft.stop}
              onChange={(e) => set({ stop: e.target.value })}
            />
          </ConfigField>
          <ConfigJsonFields draft={draft} errors={errors} set={set} />
        </div>
      ) : null}
    </section>
  );
}
