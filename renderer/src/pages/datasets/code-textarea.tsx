import type { ComponentProps } from 'react';
import { cn } from '../../lib/utils';

/** A monospace textarea styled like Input, for case fields and pasted files. */
export function CodeTextarea({ className, ...props }: ComponentProps<'textarea'>) {
  return (
    <textarea
      spellCheck={false}
      className={cn(
        'flex w-full min-w-0 rounded-md border border-input bg-background px-2 py-1 font-mono text-xs leading-relaxed shadow-xs transition-colors outline-none',
        'placeholder:text-muted-foreground/70 dark:bg-input/20',
        'focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40',
        'disabled:cursor-not-allowed disabled:opacity-60',
        'aria-invalid:border-destructive aria-invalid:ring-destructive/20',
        className,
      )}
      {...props}
    />
  );
}
