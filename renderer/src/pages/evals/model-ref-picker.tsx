import type { ReactNode } from 'react';
import type { ProviderId } from '../../../../shared/contract';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '../../components/ui/select';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import type { ModelRefDraft } from './run-form';

interface ModelRefPickerProps {
  /** `judge`, `embedding`: the test ids are `run-<role>-provider` and `run-<role>-model`. */
  role: string;
  label: string;
  hint: string;
  providers: readonly ProviderId[];
  value: ModelRefDraft;
  onChange: (value: ModelRefDraft) => void;
  onWantModels: (provider: ProviderId) => void;
  /** What blocks the run because of this model (pre-flight problems), shown under it. */
  children?: ReactNode;
}

/** Radix Select items cannot have an empty value: "no model" has a name of its own. */
const NONE = 'none';

/**
 * A model named for a role of the run (`provider:model`), or none. The model ids come from the
 * same suggestions as the run's targets (their datalists, one per provider, are on the page).
 */
export function ModelRefPicker({
  role,
  label,
  hint,
  providers,
  value,
  onChange,
  onWantModels,
  children,
}: ModelRefPickerProps) {
  const isProvider = (v: string): v is ProviderId => providers.some((p) => p === v);
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <Label htmlFor={`run-${role}-provider`} title={hint}>
        {label}
      </Label>
      <div className="flex gap-1.5">
        <Select
          value={value.provider === '' ? NONE : value.provider}
          onValueChange={(picked) => {
            const provider = isProvider(picked) ? picked : '';
            onChange({ provider, model: provider === '' ? '' : value.model });
          }}
        >
          <SelectTrigger
            id={`run-${role}-provider`}
            data-testid={`run-${role}-provider`}
            className="w-28 shrink-0"
          >
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={NONE}>None</SelectItem>
            {providers.map((id) => (
              <SelectItem key={id} value={id} data-testid={`run-${role}-provider-${id}`}>
                {PROVIDER_LABELS[id]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Input
          aria-label={`${label} id`}
          data-testid={`run-${role}-model`}
          list={value.provider === '' ? undefined : `run-models-${value.provider}`}
          className="font-mono text-xs"
          placeholder={value.provider === '' ? 'none' : 'model id'}
          autoComplete="off"
          spellCheck={false}
          disabled={value.provider === ''}
          value={value.model}
          onFocus={() => value.provider !== '' && onWantModels(value.provider)}
          onChange={(e) => onChange({ ...value, model: e.target.value })}
        />
      </div>
      {children}
    </div>
  );
}
