import { X } from 'lucide-react';
import type { MatcherInput, MatcherTypeView } from '../../../../shared/contract';
import { Button } from '../ui/button';
import { MatcherFields } from './matcher-fields';
import { MatcherPicker } from './matcher-picker';

export interface MatcherEditorProps {
  readonly value: MatcherInput;
  readonly onChange: (value: MatcherInput) => void;
  /** evals.matcherTypes' list. */
  readonly types: readonly MatcherTypeView[];
  /** The server's issues for this matcher, by option path (`pattern`, '' for the whole). */
  readonly errors?: Readonly<Record<string, string>>;
  readonly onRemove?: () => void;
  readonly testId?: string;
}

/**
 * One matcher: its type (changing it starts the options afresh) and its options as a form.
 * Reused wherever matchers are edited (new-run scorers, a dataset's cases).
 */
export function MatcherEditor({
  value,
  onChange,
  types,
  errors,
  onRemove,
  testId = 'matcher',
}: MatcherEditorProps) {
  const type = types.find((t) => t.type === value.type) ?? null;
  return (
    <div className="flex flex-col gap-2 rounded-md border bg-card p-3" data-testid={testId}>
      <div className="flex items-center gap-2">
        <MatcherPicker
          types={types}
          value={value.type}
          onPick={(picked) => onChange({ type: picked.type })}
          testId={`${testId}-type`}
        />
        <span className="min-w-0 flex-1 truncate text-xs text-muted-foreground">
          {type?.description ?? `unknown matcher type "${value.type}"`}
        </span>
        {onRemove ? (
          <Button
            type="button"
            variant="ghost"
            size="icon"
            aria-label={`Remove ${value.type}`}
            data-testid={`${testId}-remove`}
            onClick={onRemove}
          >
            <X />
          </Button>
        ) : null}
      </div>
      {type ? (
        <MatcherFields
          key={type.type}
          type={type}
          value={value}
          onChange={onChange}
          errors={errors}
          testId={testId}
        />
      ) : null}
    </div>
  );
}
