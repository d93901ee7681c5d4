import type { MatcherTypeView } from '../../../../shared/contract';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '../ui/select';

interface MatcherPickerProps {
  readonly types: readonly MatcherTypeView[];
  /** The type picked; null shows the placeholder (a picker that adds, then resets). */
  readonly value: string | null;
  readonly onPick: (type: MatcherTypeView) => void;
  readonly placeholder?: string;
  readonly testId: string;
}

/** A matcher type, each with the line that says what it checks. */
export function MatcherPicker({
  types,
  value,
  onPick,
  placeholder = 'Add a matcher…',
  testId,
}: MatcherPickerProps) {
  return (
    <Select
      value={value ?? ''}
      onValueChange={(name) => {
        const type = types.find((t) => t.type === name);
        if (type) onPick(type);
      }}
    >
      <SelectTrigger data-testid={testId} className="w-64" aria-label={placeholder}>
        {/* The type's name only: its description is beside the picker already. */}
        <SelectValue placeholder={placeholder}>
          {value ? <span className="font-mono text-xs">{value}</span> : undefined}
        </SelectValue>
      </SelectTrigger>
      <SelectContent>
        {types.map((t) => (
          <SelectItem key={t.type} value={t.type} data-testid={`${testId}-${t.type}`}>
            <span className="flex flex-col">
              <span className="font-mono text-xs">{t.type}</span>
              <span className="text-[11px] text-muted-foreground">{t.description}</span>
            </span>
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
