import { PROVIDER_IDS, type ProviderId } from '../../../../shared/contract';
import { Input } from '../../components/ui/input';
import { NativeSelect } from '../../components/ui/native-select';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import type { ModelSuggestion } from './use-model-catalog';
import type { ColumnPatch } from './use-columns';
import type { ColumnConfig } from './types';

interface ColumnConfigProps {
  index: number;
  column: ColumnConfig;
  suggestions: readonly ModelSuggestion[];
  disabled: boolean;
  onChange: (patch: ColumnPatch) => void;
  onWantModels: (provider: ProviderId) => void;
}

/** Provider and model, with suggestions from the model list. */
export function ColumnTargetFields(props: ColumnConfigProps) {
  const { index, column, suggestions, disabled, onChange, onWantModels } = props;
  const listId = `column-models-${column.id}`;
  return (
    <div className="flex min-w-0 flex-1 gap-1.5">
      <NativeSelect
        aria-label={`Provider of column ${index + 1}`}
        data-testid={`column-provider-${index}`}
        className="h-7 w-28 shrink-0 text-xs"
        disabled={disabled}
        value={column.provider}
        onChange={(e) => onChange({ provider: e.target.value as ProviderId })}
      >
        {PROVIDER_IDS.map((id) => (
          <option key={id} value={id}>
            {PROVIDER_LABELS[id]}
          </option>
        ))}
      </NativeSelect>
      <Input
        aria-label={`Model of column ${index + 1}`}
        data-testid={`column-model-${index}`}
        list={listId}
        className="h-7 font-mono text-xs"
        placeholder="model id"
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        aria-invalid={column.model.trim() === '' || undefined}
        value={column.model}
        onFocus={() => onWantModels(column.provider)}
        onChange={(e) => onChange({ model: e.target.value })}
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s.id} value={s.id} label={s.label} />
        ))}
      </datalist>
    </div>
  );
}
