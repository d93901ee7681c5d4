import type { Kysely } from 'kysely';
import type { StatsFigures, TraceStats } from '../../../shared/contract/trace-insights';
import { MAX_STATS_GROUPS } from '../../../shared/contract/trace-insights';
import { picoToUsd } from '../../../shared/money';
import type { DB } from '../../store/schema';
import {
  bucketQuery,
  figures,
  latencyQuery,
  NO_GROUP,
  num,
  sumsQuery,
  type StatsInput,
  type SumsRow,
} from './stats-sql';
import { statsRange, type StatsRange } from './stats-range';

export type { StatsInput } from './stats-sql';

/**
 * Up to this many LLM spans in a range, p95 is computed here from their latencies (one read of
 * three columns, at most this many numbers in memory, about 1.6 MB); past it, the database
 * ranks them (exact too, slower: one sort of the spans per bucketing) so the server's memory
 * stays bounded whatever the range holds.
 */
export const LATENCY_CAP = 200_000;

const EMPTY: StatsFigures = {
  calls: 0,
  errors: 0,
  errorRate: 0,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: null,
  unpricedCount: 0,
  p95LatencyMs: 0,
};

interface Acc {
  calls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  /** Null until a priced span is added: unpriced never sums to $0. */
  costPico: number | null;
  unpriced: number;
  latencies: number[];
}

const newAcc = (): Acc => ({
  calls: 0,
  errors: 0,
  inputTokens: 0,
  outputTokens: 0,
  costPico: null,
  unpriced: 0,
  latencies: [],
});

function add(acc: Acc, row: SumsRow): void {
  acc.calls += num(row.calls);
  acc.errors += num(row.errors);
  acc.inputTokens += num(row.input_tokens);
  acc.outputTokens += num(row.output_tokens);
  if (row.cost !== null) acc.costPico = (acc.costPico ?? 0) + Number(row.cost);
  acc.unpriced += num(row.unpriced);
}

/** Nearest rank: the value at rank ceil(0.95 n) of the sorted latencies. */
function p95(latencies: number[]): number {
  if (latencies.length === 0) return 0;
  const sorted = Float64Array.from(latencies).sort();
  return sorted[Math.ceil(0.95 * sorted.length) - 1]!;
}

function toFigures(acc: Acc): StatsFigures {
  return {
    calls: acc.calls,
    errors: acc.errors,
    errorRate: acc.calls === 0 ? 0 : acc.errors / acc.calls,
    inputTokens: acc.inputTokens,
    outputTokens: acc.outputTokens,
    costUsd: acc.costPico === null ? null : picoToUsd(acc.costPico),
    unpricedCount: acc.unpriced,
    p95LatencyMs: p95(acc.latencies),
  };
}

const group = (gk: string) => (gk === NO_GROUP ? null : gk);
const byCalls = (a: { calls: number; gk: string }, b: { calls: number; gk: string }) =>
  b.calls - a.calls || a.gk.localeCompare(b.gk);

/**
 * The four bucketings (range, group, day, day and group) from one GROUP BY per day and group,
 * merged here (counts and sums add up), and one read of the latencies for the percentiles.
 */
async function statsInMemory(
  db: Kysely<DB>,
  input: StatsInput,
  range: StatsRange,
  sums: readonly SumsRow[],
  latencyCap: number,
): Promise<TraceStats> {
  const total = newAcc();
  const groups = new Map<string, Acc>();
  const days = new Map<string, Acc>();
  const cells = new Map<string, Acc>();
  const cellKey = (day: string, gk: string) => `${day}\u0000${gk}`;
  const at = <K>(map: Map<K, Acc>, key: K) => {
    let acc = map.get(key);
    if (!acc) map.set(key, (acc = newAcc()));
    return acc;
  };
  for (const row of sums) {
    for (const acc of [
      total,
      at(groups, row.gk),
      at(days, row.day),
      at(cells, cellKey(row.day, row.gk)),
    ])
      add(acc, row);
  }
  const { rows } = await latencyQuery(input, range, latencyCap).execute(db);
  for (const row of rows) {
    const ms = Number(row.latency_ms);
    for (const acc of [
      total,
      groups.get(row.gk),
      days.get(row.day),
      cells.get(cellKey(row.day, row.gk)),
    ])
      acc?.latencies.push(ms);
  }
  const ranked = [...groups.entries()]
    .map(([gk, acc]) => ({ gk, calls: acc.calls, acc }))
    .sort(byCalls);
  const charted = ranked.slice(0, MAX_STATS_GROUPS);
  const shown = new Set(charted.map((g) => g.gk));
  const series = [...cells.entries()]
    .map(([key, acc]) => {
      const [day, gk] = key.split('\u0000') as [string, string];
      return { day, gk, acc };
    })
    .filter((c) => shown.has(c.gk))
    .sort((a, b) => a.day.localeCompare(b.day) || a.gk.localeCompare(b.gk));
  return {
    from: range.from,
    to: range.to,
    groupBy: input.groupBy,
    days: range.days,
    totals: total.calls === 0 ? EMPTY : toFigures(total),
    groups: charted.map((g) => ({ ...toFigures(g.acc), group: group(g.gk) })),
    daily: [...days.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, acc]) => ({ ...toFigures(acc), day })),
    series: series.map((c) => ({ ...toFigures(c.acc), day: c.day, group: group(c.gk) })),
    groupsOmitted: ranked.length - charted.length,
  };
}

/** The same answer with every figure, p95 included, computed by the database (large ranges). */
async function statsInDatabase(
  db: Kysely<DB>,
  input: StatsInput,
  range: StatsRange,
): Promise<TraceStats> {
  const run = async (byDay: boolean, byGroup: boolean, only: readonly string[] | null = null) =>
    (await bucketQuery(input, range, byDay, byGroup, only).execute(db)).rows;
  const [total] = await run(false, false);
  const groupRows = (await run(false, true))
    .map((row) => ({ row, gk: row.gk, calls: num(row.calls) }))
    .sort(byCalls)
    .map((g) => g.row);
  const charted = groupRows.slice(0, MAX_STATS_GROUPS);
  const omitted = groupRows.length - charted.length;
  const daily = await run(true, false);
  const series =
    charted.length === 0
      ? []
      : await run(true, true, omitted > 0 ? charted.map((g) => g.gk) : null);
  return {
    from: range.from,
    to: range.to,
    groupBy: input.groupBy,
    days: range.days,
    totals: total ? figures(total) : EMPTY,
    groups: charted.map((row) => ({ ...figures(row), group: group(row.gk) })),
    daily: daily.map((row) => ({ ...figures(row), day: row.day })),
    // Sorted here as the in-memory path sorts: SQL ORDER BY follows the database's collation.
    series: series
      .sort((a, b) => a.day.localeCompare(b.day) || a.gk.localeCompare(b.gk))
      .map((row) => ({ ...figures(row), day: row.day, group: group(row.gk) })),
    groupsOmitted: omitted,
  };
}

/**
 * The cost dashboard's figures over a date range: the range, each group, each day, each day
 * of each group. Past MAX_STATS_GROUPS groups (by calls) only the busiest are listed and
 * charted and the rest counted, so an answer stays at most 366 x MAX_STATS_GROUPS series rows.
 */
export async function traceStats(
  db: Kysely<DB>,
  input: StatsInput,
  now = Date.now(),
  latencyCap = LATENCY_CAP,
): Promise<TraceStats> {
  const range = statsRange(input.from, input.to, now);
  const { rows: sums } = await sumsQuery(input, range).execute(db);
  const calls = sums.reduce((n, row) => n + num(row.calls), 0);
  return calls <= latencyCap
    ? statsInMemory(db, input, range, sums, latencyCap)
    : statsInDatabase(db, input, range);
}
