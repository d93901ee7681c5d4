import type { ChannelOutput, ParsedInput } from '../../../shared/contract';
import { picoToUsd } from '../../../shared/money';
import { buildBoard, DEFAULT_SORT, type BoardRow, type BoardSort } from './board';
import { rankContributors } from './contributors';
import { boardHistory } from './history';
import type { BoardEntry, BoardScope, BoardSource, ContributionSource } from './sources';

const usd = (pico: number | null) => (pico === null ? null : picoToUsd(pico));

/**
 * Leaderboards over what other domains measured: it reads entries and contributions through
 * its sources (the evals domain's runs, the backtests) and never their tables; it ranks them,
 * finds the frontiers and tells the board's history.
 */
export class LeaderboardService {
  constructor(
    private readonly deps: {
      readonly sources: readonly BoardSource[];
      readonly contributions: ContributionSource;
    },
  ) {}

  async scopes(): Promise<ChannelOutput<'leaderboards.scopes'>> {
    const lists = await Promise.all(this.deps.sources.map((s) => s.scopes()));
    const scopes = lists
      .flat()
      .sort(
        (a, b) => (b.lastAt ?? '').localeCompare(a.lastAt ?? '') || a.name.localeCompare(b.name),
      );
    return { scopes };
  }

  private async entries(scope: BoardScope): Promise<BoardEntry[]> {
    const lists = await Promise.all(this.deps.sources.map((s) => s.entries(scope)));
    return lists.flat();
  }

  async board(input: ParsedInput<'leaderboards.get'>): Promise<ChannelOutput<'leaderboards.get'>> {
    const sort: BoardSort = input.sort ?? DEFAULT_SORT;
    const rows = buildBoard(await this.entries(input.scope), sort);
    return {
      rows: rows.map(rowView),
      sort,
      unscoredResults: rows.reduce((n, r) => n + r.unscored, 0),
      unpricedResults: rows.reduce((n, r) => n + r.unpricedResults, 0),
    };
  }

  async history(
    input: ParsedInput<'leaderboards.history'>,
  ): Promise<ChannelOutput<'leaderboards.history'>> {
    const points = boardHistory(await this.entries(input.scope));
    return { points: points.map((p) => ({ ...p, completed: [...p.completed] })) };
  }

  async contributors(
    input: ParsedInput<'leaderboards.contributors'>,
  ): Promise<ChannelOutput<'leaderboards.contributors'>> {
    const all = await this.deps.contributions.contributions();
    return {
      contributors: rankContributors(all, input.setId).map((r) => ({
        ...r,
        contributions: r.contributions.map(({ author: _author, ...c }) => c),
      })),
    };
  }
}

function rowView(r: BoardRow): ChannelOutput<'leaderboards.get'>['rows'][number] {
  return {
    key: r.key,
    source: r.source,
    runId: r.runId,
    entries: r.entries,
    promptVersionId: r.promptVersionId,
    promptName: r.promptName,
    promptVersion: r.promptVersion,
    label: r.label,
    author: r.author,
    provider: r.provider,
    model: r.model,
    at: r.at,
    results: r.results,
    scored: r.scored,
    unscored: r.unscored,
    errors: r.errors,
    meanScore: r.meanScore,
    passRate: r.passRate,
    costUsd: usd(r.costPicoUsd),
    costPer1kUsd: usd(r.costPer1kPicoUsd),
    unpricedResults: r.unpricedResults,
    latencyP50Ms: r.latencyP50Ms,
    latencyP95Ms: r.latencyP95Ms,
    frontier: r.frontier,
  };
}
