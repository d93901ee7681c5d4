import type { ReactNode } from 'react';
import { cn } from '../../lib/utils';

/**
 * A row of a list that selects what it names (a grader, a scorecard, a version): the page's
 * selection is marked for screen readers (aria-current) and by its background.
 */
export function PickButton({
  selected,
  dimmed = false,
  onClick,
  className,
  testId,
  children,
}: {
  selected: boolean;
  /** Shown faded: an archived item, listed on request. */
  dimmed?: boolean;
  onClick: () => void;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      data-testid={testId}
      aria-current={selected ? 'true' : undefined}
      onClick={onClick}
      className={cn(
        'flex w-full flex-col rounded-md px-2 py-1.5 text-left transition-colors',
        'hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:outline-none',
        selected && 'bg-accent',
        dimmed && 'opacity-60',
        className,
      )}
    >
      {children}
    </button>
  );
}
