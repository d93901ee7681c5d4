import type { SpanVariables } from '../evals/datasets/from-span';
import type { RunService } from '../evals/runs/run-service';
import type { PlaygroundService } from '../playground/playground-service';

/**
 * Where the variables of a traced call are kept: its span names the eval run and case, or the
 * playground run, that made it (the attributes they set when calling). Read through those
 * domains' services, so the datasets domain can turn a span into a case without reaching into
 * their stores.
 */
export function spanVariables(domains: {
  readonly runs: () => RunService;
  readonly playground: PlaygroundService;
}): SpanVariables {
  return async (span) => {
    const attrs = span.attributes ?? {};
    const text = (key: string) => (typeof attrs[key] === 'string' ? (attrs[key] as string) : null);
    const runId = text('evalRunId');
    const caseKey = text('caseKey');
    if (runId && caseKey) {
      const found = await domains.runs().caseVariables(runId, caseKey);
      if (found) return { ...found, source: 'eval-case' };
    }
    const playgroundRunId = text('playgroundRunId');
    if (playgroundRunId) {
      const found = await domains.playground.variablesOf(playgroundRunId);
      if (found) return { ...found, source: 'playground' };
    }
    return null;
  };
}
