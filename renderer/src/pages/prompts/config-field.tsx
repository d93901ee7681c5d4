import type { ReactNode } from 'react';
import { Label } from '../../components/ui/label';
import { cn } from '../../lib/utils';

interface ConfigFieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  className?: string;
  children: ReactNode;
}

/** A label, a control and its error (or hint) below it. */
export function ConfigField({ id, label, error, hint, className, children }: ConfigFieldProps) {
  const note = error ?? hint;
  return (
    <div className={cn('flex min-w-0 flex-col gap-1', className)}>
      <Label htmlFor={id} className="text-[11px]">
        {label}
      </Label>
      {children}
      {note ? (
        <p
          className={error ? 'text-[11px] text-destructive' : 'text-[11px] text-muted-foreground'}
          data-testid={error ? `${id}-error` : undefined}
        >
          {note}
        </p>
      ) : null}
    </div>
  );
}
