import { List } from 'lucide-react';
import { memo, useState } from 'react';
import { PROVIDER_IDS, type ProviderId } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from '../../components/ui/select';
import { PROVIDER_LABELS } from '../../lib/provider-labels';
import type { ModelSuggestion } from './use-model-catalog';
import type { ColumnPatch } from './use-columns';
import type { ColumnConfig } from './types';

interface ColumnConfigProps {
  index: number;
  column: ColumnConfig;
  suggestions: readonly ModelSuggestion[];
  disabled: boolean;
  /** Stable (by column id), so streamed tokens do not re-render the pickers. */
  onChange: (id: string, patch: ColumnPatch) => void;
  onWantModels: (provider: ProviderId) => void;
}

/** Radix Select items need a non-empty value: this one switches to typing an id. */
const OTHER = '__other__';

/**
 * Provider and model. The model is picked from the provider's list; a model the list lacks
 * (a fine-tune, a local tag) is typed after "Other model id…". Memoized: a closed Radix Select
 * still renders its items (for the trigger's text), and a provider lists hundreds of models,
 * too many to render again on every streamed token.
 */
export const ColumnTargetFields = memo(function ColumnTargetFields(props: ColumnConfigProps) {
  const { index, column, suggestions, disabled, onWantModels } = props;
  const onChange = (patch: ColumnPatch) => props.onChange(column.id, patch);
  const model = column.model.trim();
  const listed = suggestions.some((s) => s.id === model);
  const [typing, setTyping] = useState(false);
  return (
    <div className="flex min-w-0 flex-1 gap-1.5">
      <Select
        value={column.provider}
        disabled={disabled}
        onValueChange={(provider) => {
          setTyping(false);
          onChange({ provider: provider as ProviderId, model: '' });
        }}
      >
        <SelectTrigger
          aria-label={`Provider of column ${index + 1}`}
          data-testid={`column-provider-${index}`}
          data-provider={column.provider}
          className="h-7 w-28 shrink-0 text-xs"
        >
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {PROVIDER_IDS.map((id) => (
            <SelectItem key={id} value={id} data-testid={`column-provider-option-${id}`}>
              {PROVIDER_LABELS[id]}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      {typing ? (
        <div className="flex min-w-0 flex-1 gap-1">
          <Input
            aria-label={`Model id of column ${index + 1}`}
            data-testid={`column-model-input-${index}`}
            className="h-7 font-mono text-xs"
            placeholder="model id"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            disabled={disabled}
            aria-invalid={model === '' || undefined}
            value={column.model}
            onChange={(e) => onChange({ model: e.target.value })}
          />
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="size-7 shrink-0 text-muted-foreground"
            aria-label="Pick from the model list"
            onClick={() => setTyping(false)}
          >
            <List className="size-3.5" />
          </Button>
        </div>
      ) : (
        <Select
          // An empty value shows the placeholder (and keeps the Select controlled).
          value={model}
          disabled={disabled}
          onOpenChange={(open) => open && onWantModels(column.provider)}
          onValueChange={(value) => {
            if (value === OTHER) setTyping(true);
            else onChange({ model: value });
          }}
        >
          <SelectTrigger
            aria-label={`Model of column ${index + 1}`}
            data-testid={`column-model-${index}`}
            data-model={model}
            className="h-7 min-w-0 flex-1 font-mono text-xs"
            aria-invalid={model === '' || undefined}
          >
            <SelectValue placeholder="pick a model" />
          </SelectTrigger>
          <SelectContent className="max-h-80">
            {/* A model named by a link or typed earlier stays pickable. */}
            {model !== '' && !listed ? (
              <SelectItem value={model} data-testid={`column-model-option-${model}`}>
                {model}
              </SelectItem>
            ) : null}
            {suggestions.map((s) => (
              <SelectItem
                key={s.id}
                value={s.id}
                data-testid={`column-model-option-${s.id}`}
                className="font-mono text-xs"
                // The item's text is what the trigger shows: the price rides as a tooltip.
                title={s.label}
              >
                {s.id}
              </SelectItem>
            ))}
            <SelectSeparator />
            <SelectItem value={OTHER} data-testid={`column-model-other-${index}`}>
              Other model id…
            </SelectItem>
          </SelectContent>
        </Select>
      )}
    </div>
  );
});
