import { TriangleAlert } from 'lucide-react';
import type { ImportWarning } from '../../../../shared/contract';
import type { ClientError } from '../../client';
import { describeProblem, problemsOf } from './import-problems';

const SHOWN = 20;

/** Notes from an import that went through: skipped or changed things, with their lines. */
export function ImportWarnings({ warnings }: { warnings: readonly ImportWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div
      className="flex flex-col gap-1 rounded-md border border-amber-500/30 bg-amber-500/10 px-3 py-2 text-xs"
      data-testid="import-warnings"
    >
      <p className="flex items-center gap-1.5 font-medium text-amber-700 dark:text-amber-400">
        <TriangleAlert className="size-3.5" />
        {`${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}`}
      </p>
      <ul className="flex max-h-40 flex-col gap-0.5 overflow-y-auto">
        {warnings.map((w, i) => (
          <li key={i} data-testid="import-warning">
            {w.line === undefined ? null : <span className="font-mono">{`line ${w.line}: `}</span>}
            {w.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A refused import: the coded message (file, line and field), then every problem listed. */
export function ImportError({ error }: { error: ClientError }) {
  const problems = problemsOf(error);
  return (
    <div
      role="alert"
      className="flex flex-col gap-1 rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-xs text-destructive"
      data-testid="import-error"
    >
      <p className="font-medium break-words">{error.toString()}</p>
      {problems.length > 1 ? (
        <ul
          className="flex max-h-40 flex-col gap-0.5 overflow-y-auto"
          data-testid="import-problems"
        >
          {problems.slice(0, SHOWN).map((p, i) => (
            <li key={i}>{describeProblem(p)}</li>
          ))}
          {problems.length > SHOWN ? <li>{`… and ${problems.length - SHOWN} more`}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
