import type { ResultStatus, ResultView } from '../../shared/contract';
import type { Core } from '../app/create-core';
import { invoke } from './with-core';

/** `evals.results` pages hold at most this many. */
const PAGE = 1000;

/** Every result of a run (optionally of one status), page by page, in case order. */
export async function allResults(
  core: Core,
  runId: string,
  status?: ResultStatus,
): Promise<ResultView[]> {
  const out: ResultView[] = [];
  for (;;) {
    const page = await invoke(core, 'evals.results', {
      runId,
      offset: out.length,
      limit: PAGE,
      ...(status === undefined ? {} : { status }),
    });
    out.push(...page.results);
    if (page.results.length < PAGE || out.length >= page.total) return out;
  }
}
