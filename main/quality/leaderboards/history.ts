import { costPer1k, frontierFlagsOf, pairKey } from './board';
import type { BoardEntry } from './sources';

/**
 * The board over time, as a user reads it at a glance: one point per completion time, the
 * board as it stood right after that moment (each pair's latest entry up to then). Each point
 * says the best score then and which row held it, how many rows were on the score-against-cost
 * frontier, and what completed at that moment: a line of the best score that steps up when a
 * better version or model lands, with the runs that moved it.
 */
export interface HistoryPoint {
  readonly at: string;
  /** Rows on the board as of `at`. */
  readonly rows: number;
  /** The best mean score as of `at`; null while no row has one. */
  readonly bestScore: number | null;
  readonly best: {
    readonly label: string;
    readonly provider: string;
    readonly model: string;
  } | null;
  /** Rows on the score-against-cost frontier as of `at`. */
  readonly frontierSize: number;
  /** The entries that completed at `at`. */
  readonly completed: readonly {
    readonly runId: string;
    readonly label: string;
    readonly provider: string;
    readonly model: string;
    readonly meanScore: number | null;
  }[];
}

export function boardHistory(entries: readonly BoardEntry[]): HistoryPoint[] {
  const ordered = [...entries].sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0,
  );
  const latest = new Map<string, BoardEntry>();
  const points: HistoryPoint[] = [];
  for (let i = 0; i < ordered.length;) {
    const at = ordered[i]!.at;
    const completed: BoardEntry[] = [];
    for (; i < ordered.length && ordered[i]!.at === at; i++) {
      const e = ordered[i]!;
      latest.set(pairKey(e), e);
      completed.push(e);
    }
    const rows = [...latest.values()];
    let best: BoardEntry | null = null;
    for (const r of rows)
      if (r.meanScore !== null && (best === null || r.meanScore > best.meanScore!)) best = r;
    const flags = frontierFlagsOf(rows.map((entry) => ({ entry, cost: costPer1k(entry) })));
    points.push({
      at,
      rows: rows.length,
      bestScore: best?.meanScore ?? null,
      best: best && { label: best.label, provider: best.provider, model: best.model },
      frontierSize: flags.filter((f) => f.cost === true).length,
      completed: completed.map((e) => ({
        runId: e.runId,
        label: e.label,
        provider: e.provider,
        model: e.model,
        meanScore: e.meanScore,
      })),
    });
  }
  return points;
}
