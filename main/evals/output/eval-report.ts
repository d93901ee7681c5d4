import type { ComparisonView, ResultView, RunView } from '../../../shared/contract';

/**
 * The shape of `assay eval --output FILE.json` (documented in the README). Version 1.
 * `passed` is what the exit code says: no run under --fail-under and no regression.
 * `allowUnscored`: whether --fail-under left unscored results out (else they counted as failing).
 */
export interface EvalReport {
  readonly version: 1;
  readonly suite: string;
  readonly dataset: string;
  readonly groupId: string;
  readonly passed: boolean;
  readonly failUnder: number | null;
  readonly allowUnscored: boolean;
  readonly runs: readonly (RunView & { readonly results: readonly ResultView[] })[];
  readonly comparisons: readonly ComparisonView[];
}
