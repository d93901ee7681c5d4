import { CircleAlert } from 'lucide-react';
import type { SaveProblem } from './use-save-prompt';

/** Why the last save failed, next to the editor (the toast may be gone by now). */
export function SaveProblemBanner({ problem }: { problem: SaveProblem }) {
  return (
    <div
      role="alert"
      data-testid="save-error"
      className="mx-4 mt-3 flex gap-2 rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-xs text-destructive"
    >
      <CircleAlert className="mt-px size-3.5 shrink-0" />
      <div className="flex min-w-0 flex-col gap-0.5">
        <span className="font-medium">{problem.message}</span>
        {problem.issues.length > 0 ? (
          <ul className="list-disc pl-4">
            {problem.issues.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
