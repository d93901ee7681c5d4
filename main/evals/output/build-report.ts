import type { ComparisonView, ResultView, RunView } from '../../../shared/contract';
import type { EvalReport } from './eval-report';

export type RunWithResults = RunView & { readonly results: readonly ResultView[] };

export interface ReportInput {
  /** The suite's name (`assay eval`), or the run's own name (`assay runs export`). */
  readonly suite: string;
  /** Runs of one group. */
  readonly runs: readonly RunWithResults[];
  readonly comparisons?: readonly ComparisonView[];
  readonly failUnder?: number | null;
  readonly allowUnscored?: boolean;
  /** What the exit code said; without gates, a run passes when it completed. */
  readonly passed?: boolean;
}

/**
 * The report `assay eval --output` writes and `assay runs export` writes again from stored
 * runs: one shape (eval-report.ts), so a file is the same whichever command wrote it.
 */
export function buildEvalReport(input: ReportInput): EvalReport {
  const { runs } = input;
  return {
    version: 1,
    suite: input.suite,
    dataset: runs[0]?.dataset ?? '',
    groupId: runs[0]?.groupId ?? '',
    passed: input.passed ?? runs.every((r) => r.status === 'completed'),
    failUnder: input.failUnder ?? null,
    allowUnscored: input.allowUnscored ?? false,
    runs,
    comparisons: input.comparisons ?? [],
  };
}
