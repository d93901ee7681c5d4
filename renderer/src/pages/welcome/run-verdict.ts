import type { RunView } from '../../../../shared/contract';

export type Verdict = 'running' | 'pass' | 'fail' | 'unfinished';

/**
 * The first run's verdict. Only a completed run whose every case passed is a pass: a failure,
 * an error or an unscored case (nothing judged it) is not, and neither is a cancelled run.
 */
export function verdictOf(run: RunView): Verdict {
  if (run.status === 'queued' || run.status === 'running') return 'running';
  if (run.status !== 'completed') return 'unfinished';
  const { cases, pass, fail, error, unscored } = run.totals;
  return cases > 0 && pass === cases && fail + error + unscored === 0 ? 'pass' : 'fail';
}

export function verdictText(run: RunView): string {
  const { cases, pass, fail, error, unscored } = run.totals;
  switch (verdictOf(run)) {
    case 'running':
      return `Running… ${run.totals.results} of ${cases} cases done`;
    case 'pass':
      return `Passed: ${pass} of ${cases} cases`;
    case 'unfinished':
      return `The run ${run.status}: ${pass} of ${cases} cases passed`;
    case 'fail': {
      const parts = [`${pass} of ${cases} cases passed`];
      if (fail) parts.push(`${fail} failed`);
      if (error) parts.push(`${error} errored`);
      if (unscored) parts.push(`${unscored} unscored`);
      return parts.join(' · ');
    }
  }
}
