import type { ComponentProps } from 'react';
import { cn } from '../../lib/utils';

/** A textarea styled like Input: monospace, since prompts are code-like text. */
export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return (
    <textarea
      spellCheck={false}
      className={cn(
        'flex w-full min-w-0 rounded-md border border-input bg-background px-2.5 py-1.5 font-mono text-[13px] leading-relaxed shadow-xs transition-colors outline-none',
        'placeholder:text-muted-foreground/70 dark:bg-input/20',
        'focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40',
        'disabled:cursor-not-allowed disabled:opacity-60 read-only:bg-muted/40',
        'aria-invalid:border-destructive aria-invalid:ring-destructive/20',
        className,
      )}
      {...props}
    />
  );
}
