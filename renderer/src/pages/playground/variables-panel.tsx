import { cn } from '../../lib/utils';
import type { VariableSpec } from './variable-names';

interface VariablesPanelProps {
  specs: readonly VariableSpec[];
  values: Readonly<Record<string, string>>;
  missing: readonly string[];
  readOnly: boolean;
  onChange: (name: string, value: string) => void;
}

/** An input per `{{variable}}`, prefilled with defaults; empty ones are marked as missing. */
export function VariablesPanel({
  specs,
  values,
  missing,
  readOnly,
  onChange,
}: VariablesPanelProps) {
  return (
    <section className="flex min-w-0 flex-col gap-2" data-testid="playground-variables">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-xs font-semibold">Variables</h2>
        {missing.length > 0 ? (
          <span className="text-[11px] text-destructive" data-testid="playground-missing-count">
            {`${missing.length} missing`}
          </span>
        ) : null}
      </div>
      {specs.length === 0 ? (
        <p className="text-xs text-muted-foreground">
          None. Write <span className="font-mono">{'{{name}}'}</span> in a message to add one.
        </p>
      ) : null}
      {specs.map((spec) => {
        const isMissing = missing.includes(spec.name);
        const id = `playground-var-${spec.name}`;
        return (
          <div key={spec.name} className="flex flex-col gap-1">
            <label htmlFor={id} className="flex items-baseline gap-2 text-[11px]">
              <span className={cn('font-mono font-medium', isMissing && 'text-destructive')}>
                {`{{${spec.name}}}`}
              </span>
              {spec.description ? (
                <span className="truncate text-muted-foreground" title={spec.description}>
                  {spec.description}
                </span>
              ) : null}
            </label>
            <textarea
              id={id}
              data-testid={id}
              data-missing={isMissing || undefined}
              rows={1}
              spellCheck={false}
              className={cn(
                'field-sizing-content max-h-40 min-h-7 w-full min-w-0 resize-y rounded-md border border-input bg-background px-2.5 py-1 font-mono text-xs shadow-xs outline-none dark:bg-input/20',
                'focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40',
                'aria-invalid:border-destructive aria-invalid:bg-destructive/5',
              )}
              placeholder={
                spec.defaultValue === undefined ? 'value' : `default: ${spec.defaultValue}`
              }
              aria-invalid={isMissing || undefined}
              readOnly={readOnly}
              value={values[spec.name] ?? ''}
              onChange={(e) => onChange(spec.name, e.target.value)}
            />
          </div>
        );
      })}
    </section>
  );
}
