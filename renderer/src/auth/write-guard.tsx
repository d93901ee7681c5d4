import type { ReactElement } from 'react';
import type { Role } from '../../../shared/contract/auth';
import { Tooltip, TooltipContent, TooltipTrigger } from '../components/ui/tooltip';
import { useWriteBlocked } from './use-auth-status';

/**
 * Wraps a write button: for a viewer on a team server it renders the button disabled, with a
 * tooltip that says why on hover or keyboard focus (a disabled button gets neither, so the
 * wrapper takes them). Everyone else gets the button as it is. The server refuses a viewer's
 * writes whatever the page shows; this only spares a click that would be refused.
 */
export function WriteGuard({
  what,
  needs = 'editor',
  children,
}: {
  /** What the write changes, in the plural: "prompts", "datasets", "eval runs". */
  what: string;
  /** The least role the server lets write it (provider settings and prices: admin). */
  needs?: Role;
  children: (blocked: boolean) => ReactElement;
}) {
  const reason = useWriteBlocked(what, needs);
  if (!reason) return children(false);
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <span tabIndex={0} className="inline-flex" data-testid="write-blocked" data-reason={reason}>
          {children(true)}
        </span>
      </TooltipTrigger>
      <TooltipContent>{reason}</TooltipContent>
    </Tooltip>
  );
}
