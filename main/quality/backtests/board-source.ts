import type {
  BoardEntry,
  BoardScopeInfo,
  BoardSource,
  Contribution,
  ContributionSource,
} from '../leaderboards/sources';
import type { ResolvedSide, RunRecord } from './backtest-records';
import type { BacktestRepository, SideSums } from './backtest-repository';

/**
 * A side's latency percentiles, as the run's verdicts keep them: a candidate's in its own
 * verdict, a replayed baseline's in any (each verdict measures the baseline on its pairs).
 */
function latenciesOf(run: RunRecord, side: number): [number | null, number | null] {
  const verdict = side === 0 ? run.verdicts?.[0] : run.verdicts?.find((v) => v.side === side);
  if (!verdict) return [null, null];
  return side === 0
    ? [verdict.baselineLatencyP50Ms, verdict.baselineLatencyP95Ms]
    : [verdict.candidateLatencyP50Ms, verdict.candidateLatencyP95Ms];
}

/** Authors of prompt versions, by version id (the prompts service answers). */
export type VersionAuthors = (ids: readonly string[]) => Promise<Map<string, string>>;

/**
 * The backtests as leaderboard sources: each replayed side of a completed run (every
 * candidate, and a replayed baseline) is one prompt version x model measured on the set, and
 * each candidate prompt's mean score change against its baseline is its author's contribution.
 * A production baseline is what was, not a version tried: it is compared against, not ranked.
 */
export function backtestBoardSources(
  repo: BacktestRepository,
  authors: VersionAuthors,
): { board: BoardSource; contributions: ContributionSource } {
  const sidesOf = (run: RunRecord): { side: number; resolved: ResolvedSide }[] => [
    ...(run.spec.baseline.side ? [{ side: 0, resolved: run.spec.baseline.side }] : []),
    ...run.spec.candidates.map((c, i) => ({ side: i + 1, resolved: c.side })),
  ];

  // A set's items never change: the model its answers came from is read once per set.
  const recordedModels = new Map<string, ReturnType<BacktestRepository['recordedModel']>>();
  const recordedModel = (setId: string) => {
    let found = recordedModels.get(setId);
    if (!found) recordedModels.set(setId, (found = repo.recordedModel(setId)));
    return found;
  };

  async function entries(setId: string): Promise<BoardEntry[]> {
    const runs = await repo.completedRuns(setId);
    if (runs.length === 0) return [];
    const sums = new Map<string, SideSums>();
    for (const s of await repo.sideSums(runs.map((r) => r.id))) sums.set(`${s.runId}:${s.side}`, s);
    const recorded = await recordedModel(setId);
    const versionIds = runs.flatMap((r) =>
      sidesOf(r).flatMap((s) => (s.resolved.prompt ? [s.resolved.prompt.versionId] : [])),
    );
    const byVersion = await authors(versionIds);
    const out: BoardEntry[] = [];
    for (const run of runs) {
      for (const { side, resolved } of sidesOf(run)) {
        const sum = sums.get(`${run.id}:${side}`);
        if (!sum) continue;
        const model = resolved.model ?? recorded;
        const prompt = resolved.prompt;
        const [latencyP50Ms, latencyP95Ms] = latenciesOf(run, side);
        out.push({
          source: 'backtest',
          runId: `${run.id}:${side}`,
          promptVersionId: prompt?.versionId ?? null,
          promptName: prompt?.name ?? null,
          promptVersion: prompt?.version ?? null,
          label: prompt ? `${prompt.name}@${prompt.version}` : 'recorded prompt',
          author: prompt ? (byVersion.get(prompt.versionId) ?? null) : null,
          provider: model?.provider ?? 'recorded',
          model: model?.model ?? 'recorded model',
          at: run.finishedAt ?? run.createdAt,
          results: sum.results,
          scored: sum.scored,
          errors: sum.errors,
          meanScore: sum.scored > 0 ? sum.mean : null,
          passRate: sum.scored > 0 ? sum.passes / sum.scored : null,
          costPicoUsd: sum.priced > 0 ? sum.costPicoUsd : null,
          pricedResults: sum.priced,
          unpricedResults: sum.unpriced,
          latencyP50Ms,
          latencyP95Ms,
        });
      }
    }
    return out;
  }

  async function scopes(): Promise<BoardScopeInfo[]> {
    const runs = await repo.completedRuns();
    const bySet = new Map<string, { entries: number; lastAt: string | null }>();
    for (const run of runs) {
      const found = bySet.get(run.setId) ?? { entries: 0, lastAt: null };
      found.entries += sidesOf(run).length;
      const at = run.finishedAt ?? run.createdAt;
      if (found.lastAt === null || at > found.lastAt) found.lastAt = at;
      bySet.set(run.setId, found);
    }
    const out: BoardScopeInfo[] = [];
    for (const [setId, info] of bySet) {
      const set = await repo.setById(setId);
      if (set) out.push({ kind: 'backtest_set', id: setId, name: set.name, ...info });
    }
    return out;
  }

  async function contributions(): Promise<Contribution[]> {
    const runs = await repo.completedRuns();
    const versionIds = runs.flatMap((r) =>
      r.spec.candidates.flatMap((c) => (c.side.prompt ? [c.side.prompt.versionId] : [])),
    );
    const byVersion = await authors(versionIds);
    const out: Contribution[] = [];
    for (const run of runs)
      for (const [i, c] of run.spec.candidates.entries()) {
        const prompt = c.side.prompt;
        const verdict = run.verdicts?.find((v) => v.side === i + 1);
        if (!prompt || !verdict) continue;
        out.push({
          promptVersionId: prompt.versionId,
          promptName: prompt.name,
          promptVersion: prompt.version,
          author: byVersion.get(prompt.versionId) ?? null,
          setId: run.setId,
          meanDelta: verdict.meanDelta,
          scoredPairs: verdict.scoredPairs,
          at: run.finishedAt ?? run.createdAt,
        });
      }
    return out;
  }

  return {
    board: {
      entries: (scope) =>
        scope.kind === 'backtest_set' ? entries(scope.setId) : Promise.resolve([]),
      scopes,
    },
    contributions: { contributions },
  };
}
