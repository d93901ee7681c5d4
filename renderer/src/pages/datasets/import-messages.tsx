import { LoaderCircle, TriangleAlert } from 'lucide-react';
import type { ImportWarning } from '../../../../shared/contract';
import type { ClientError } from '../../client';
import { Button } from '../../components/ui/button';
import { describeProblem, problemsOf, type UnmappedAssertion } from './import-problems';

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

interface UnmappedReportProps {
  unmapped: readonly UnmappedAssertion[];
  busy: boolean;
  onImportAnyway: () => void;
}

/**
 * A promptfoo config refused only for assertions Assay cannot run: each by its line, and the way
 * on, importing the rest with those cases unscored (nothing judges them until a matcher does).
 */
export function UnmappedReport({ unmapped, busy, onImportAnyway }: UnmappedReportProps) {
  const cases = new Set(unmapped.map((u) => u.path.replace(/\.assert\[\d+\]$/, ''))).size;
  return (
    <div
      role="alert"
      className="flex flex-col gap-1.5 rounded-md border border-amber-500/30 bg-amber-500/10 px-3 py-2 text-xs"
      data-testid="import-unmapped"
    >
      <p className="flex items-center gap-1.5 font-medium text-amber-700 dark:text-amber-400">
        <TriangleAlert className="size-3.5" />
        {`Not imported: ${unmapped.length} ${unmapped.length === 1 ? 'assertion' : 'assertions'} Assay cannot run, in ${cases} ${cases === 1 ? 'case' : 'cases'}`}
      </p>
      <ul className="flex max-h-40 flex-col gap-0.5 overflow-y-auto">
        {unmapped.slice(0, SHOWN).map((u, i) => (
          <li key={i} data-testid="import-unmapped-line">
            <span className="font-mono">
              {[u.line === undefined ? null : `line ${u.line}`, u.path || null]
                .filter(Boolean)
                .join(' · ')}
            </span>{' '}
            <code className="rounded bg-background/60 px-1 font-mono">{u.assertion}</code>
            <span className="text-muted-foreground">{` ${u.reason}`}</span>
          </li>
        ))}
        {unmapped.length > SHOWN ? <li>{`… and ${unmapped.length - SHOWN} more`}</li> : null}
      </ul>
      <div className="flex items-center gap-2">
        <Button
          type="button"
          variant="outline"
          size="xs"
          data-testid="import-anyway"
          disabled={busy}
          onClick={onImportAnyway}
        >
          {busy ? <LoaderCircle className="animate-spin" /> : null}
          Import anyway (those cases unscored)
        </Button>
        <span className="text-muted-foreground">
          Each stays as an unmapped matcher: its case is unscored, never a pass, until you replace
          it.
        </span>
      </div>
    </div>
  );
}
