import * as ToggleGroupPrimitive from '@radix-ui/react-toggle-group';
import type { ComponentProps } from 'react';
import { cn } from '../../lib/utils';

/**
 * shadcn/ui ToggleGroup on Radix, styled as a segmented control: small filters and modes
 * (All / Failures / Different). `type="single"` is a radio group with roving focus.
 */
export function ToggleGroup({
  className,
  ...props
}: ComponentProps<typeof ToggleGroupPrimitive.Root>) {
  return (
    <ToggleGroupPrimitive.Root
      className={cn('flex w-fit rounded-md border bg-muted/40 p-0.5', className)}
      {...props}
    />
  );
}

export function ToggleGroupItem({
  className,
  ...props
}: ComponentProps<typeof ToggleGroupPrimitive.Item>) {
  return (
    <ToggleGroupPrimitive.Item
      className={cn(
        'flex h-6 items-center gap-1 rounded-[5px] px-2.5 text-xs font-medium whitespace-nowrap text-muted-foreground transition-colors',
        'hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:outline-none',
        'disabled:pointer-events-none disabled:opacity-50',
        'data-[state=on]:bg-background data-[state=on]:text-foreground data-[state=on]:shadow-xs dark:data-[state=on]:bg-input/40',
        className,
      )}
      {...props}
    />
  );
}
