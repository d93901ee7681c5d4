import { CircleCheck, LoaderCircle, OctagonX } from 'lucide-react';
import type { Preflight, PreflightProblem } from '../../../../shared/contract';
import { cn } from '../../lib/utils';
import {
  matcherCasesText,
  matcherHeadline,
  missingCasesText,
  placeOf,
  type ProblemPlace,
} from './preflight-text';

const NAME = 'rounded bg-destructive/10 px-1 font-mono text-[11px]';

function ProblemLine({ problem, total }: { problem: PreflightProblem; total: number }) {
  if (problem.kind === 'scorecard-unusable')
    return (
      <p
        className="flex items-start gap-1.5 text-xs text-destructive"
        data-testid="preflight-scorecard"
        title={problem.message}
      >
        <OctagonX className="mt-px size-3.5 shrink-0" />
        <span>{`${problem.grader} cannot run: ${problem.message}`}</span>
      </p>
    );
  const testId =
    problem.kind === 'missing-variables'
      ? 'preflight-missing-variables'
      : `preflight-matcher-${problem.type}`;
  return (
    <p
      className="flex items-start gap-1.5 text-xs text-destructive"
      data-testid={testId}
      title={problem.kind === 'matcher-unusable' ? problem.message : undefined}
    >
      <OctagonX className="mt-px size-3.5 shrink-0" />
      {problem.kind === 'missing-variables' ? (
        <span>
          {'The dataset lacks variables the prompt uses: '}
          {problem.names.map((name, i) => (
            <span key={name}>
              {i > 0 ? ', ' : null}
              <code className={NAME}>{name}</code>
            </span>
          ))}
          {` (${missingCasesText(problem, total)})`}
        </span>
      ) : (
        <span>{`${matcherHeadline(problem.message)} (${matcherCasesText(problem)})`}</span>
      )}
    </p>
  );
}

/** The problems of a pre-flight that belong next to one field of the dialog. */
export function PreflightProblems({
  preflight,
  place,
}: {
  preflight: Preflight | null;
  place: ProblemPlace;
}) {
  const problems = preflight?.problems.filter((p) => placeOf(p) === place) ?? [];
  if (!preflight || problems.length === 0) return null;
  return (
    <div className="flex flex-col gap-0.5">
      {problems.map((p, i) => (
        <ProblemLine key={i} problem={p} total={preflight.cases} />
      ))}
    </div>
  );
}

function NameList({ names, missing }: { names: readonly string[]; missing?: ReadonlySet<string> }) {
  if (names.length === 0) return <span className="text-muted-foreground">none</span>;
  return (
    <>
      {names.map((name) => (
        <code
          key={name}
          className={cn(
            'rounded border px-1 font-mono text-[11px]',
            missing?.has(name) && 'border-destructive/40 bg-destructive/10 text-destructive',
          )}
          title={missing?.has(name) ? 'Some cases do not set it' : undefined}
        >
          {name}
        </code>
      ))}
    </>
  );
}

interface PreflightSummaryProps {
  preflight: Preflight | null;
  /** The answer is for the form as it is now (not one still being checked). */
  current: boolean;
}

/**
 * The variables the prompt uses beside those the dataset's cases set, and whether the run is
 * ready: the check runs again as the dataset, prompt and models change.
 */
export function PreflightSummary({ preflight, current }: PreflightSummaryProps) {
  if (!preflight)
    return current ? null : (
      <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
        <LoaderCircle className="size-3 animate-spin" />
        Checking the dataset against the prompt…
      </p>
    );
  const missing = new Set(
    preflight.problems.flatMap((p) => (p.kind === 'missing-variables' ? p.names : [])),
  );
  return (
    <div
      className="relative flex flex-col gap-1 rounded-md border bg-muted/30 px-2.5 py-2 text-xs"
      data-testid="preflight-summary"
      data-current={current}
    >
      {current ? null : (
        <LoaderCircle
          className="absolute top-2 right-2 size-3 animate-spin text-muted-foreground"
          aria-label="Checking again"
        />
      )}
      <div className="flex flex-wrap items-center gap-1" data-testid="preflight-prompt-variables">
        <span className="w-32 text-muted-foreground">Prompt uses</span>
        <NameList names={preflight.promptVariables} missing={missing} />
      </div>
      <div className="flex flex-wrap items-center gap-1" data-testid="preflight-dataset-variables">
        <span className="w-32 text-muted-foreground">{`Dataset sets (${preflight.cases} ${preflight.cases === 1 ? 'case' : 'cases'})`}</span>
        <NameList names={preflight.datasetVariables} />
      </div>
      {preflight.ok && current ? (
        <p className="flex items-center gap-1.5 text-success" data-testid="preflight-ok">
          <CircleCheck className="size-3.5" />
          Every case has the prompt's variables and every matcher can run.
        </p>
      ) : null}
    </div>
  );
}
