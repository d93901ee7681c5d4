import { cn } from '../../lib/utils';

export interface SegmentOption<V extends string> {
  value: V;
  label: string;
  testId?: string;
  /** Said on hover: what the option means. */
  title?: string;
}

interface SegmentedProps<V extends string> {
  label: string;
  value: V;
  options: readonly SegmentOption<V>[];
  onChange: (value: V) => void;
}

/** A row of mutually exclusive buttons (a radio group), for small filters and choices. */
export function Segmented<V extends string>({
  label,
  value,
  options,
  onChange,
}: SegmentedProps<V>) {
  return (
    <div role="radiogroup" aria-label={label} className="flex rounded-md border bg-muted/40 p-0.5">
      {options.map((option) => {
        const selected = option.value === value;
        return (
          <button
            key={option.value}
            type="button"
            role="radio"
            aria-checked={selected}
            data-testid={option.testId}
            title={option.title}
            onClick={() => onChange(option.value)}
            className={cn(
              'flex h-6 items-center rounded-[5px] px-2.5 text-xs font-medium whitespace-nowrap text-muted-foreground transition-colors',
              'hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:outline-none',
              selected && 'bg-background text-foreground shadow-xs dark:bg-input/40',
            )}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
