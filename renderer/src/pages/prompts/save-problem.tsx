import { CircleAlert, RotateCw } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/utils';
import type { SaveProblem } from './use-save-prompt';

interface SaveProblemBannerProps {
  problem: SaveProblem;
  /** Drops the draft and loads the newest version (after a conflict). */
  onReload: () => void;
}

/** Why the last save failed, next to the editor (the toast may be gone by now). */
export function SaveProblemBanner({ problem, onReload }: SaveProblemBannerProps) {
  return (
    <div
      role="alert"
      data-testid="save-error"
      data-stale={problem.stale ? 'true' : undefined}
      className={cn(
        'mx-4 mt-3 flex gap-2 rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-xs text-destructive',
        problem.stale && 'opacity-60',
      )}
    >
      <CircleAlert className="mt-px size-3.5 shrink-0" />
      <div className="flex min-w-0 flex-col gap-0.5">
        <span className="font-medium">
          {problem.stale ? `Last save attempt: ${problem.message}` : problem.message}
        </span>
        {problem.issues.length > 1 ? (
          <ul className="list-disc pl-4">
            {problem.issues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        ) : null}
        {problem.latestVersion ? (
          <div className="flex items-center gap-2 pt-1 text-muted-foreground">
            <Button
              variant="outline"
              size="xs"
              data-testid="reload-latest"
              className="text-foreground"
              onClick={onReload}
            >
              <RotateCw />
              {`Load ${problem.latestVersion}`}
            </Button>
            <span>Drops your edits: copy what you want to keep first.</span>
          </div>
        ) : null}
      </div>
    </div>
  );
}
