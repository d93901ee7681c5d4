import type { ComponentProps } from 'react';
import { cn } from '../../lib/utils';

/** A plain <select> styled like Input; the browser's own list follows the color-scheme. */
export function NativeSelect({ className, ...props }: ComponentProps<'select'>) {
  return (
    <select
      className={cn(
        'flex h-8 w-full min-w-0 rounded-md border border-input bg-background px-2 py-1 text-sm shadow-xs transition-colors outline-none',
        'dark:bg-input/20',
        'focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40',
        'disabled:cursor-not-allowed disabled:opacity-50',
        'aria-invalid:border-destructive aria-invalid:ring-destructive/20',
        className,
      )}
      {...props}
    />
  );
}
