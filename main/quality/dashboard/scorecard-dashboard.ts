import type { ParsedInput } from '../../../shared/contract';
import type {
  DashboardGrader,
  DashboardPoint,
  ScorecardDashboard,
} from '../../../shared/contract/quality-insights';
import { picoToUsd } from '../../../shared/money';
import type { Store } from '../../store/store';
import { dashboardRange, dayOf, dayRange, type DashboardRange } from './dashboard-range';
import { aggregateQuery, rollupQuery, type DayRow, type ScoreScope } from './dashboard-sql';
import { add, figuresOf, newTally, Tallies, type Tally } from './figures';
import { bucketsOf, normalizedRowSum } from './score-buckets';
import { scorecardScope, type ItemScope } from './scorecard-scope';
import { sumDays } from './score-rollup';

const WHERE = 'scorecards.dashboard';
const num = (v: number | string | null): number => (v === null ? 0 : Number(v));

/** Buckets of the display config, then any other bucket seen (levels of older versions). */
function bucketList(item: ItemScope, totals: Tally) {
  const named = bucketsOf(item.display.scoreConfig);
  const known = new Set(named.map((b) => b.key));
  const extra = Object.keys(totals.histogram)
    .filter((key) => !known.has(key))
    .sort()
    .map((key) => ({ key, label: key }));
  return [...named, ...extra];
}

/**
 * One grader's rows over the range: ended days from their sums (made by the rollup runner, or
 * here on first ask), today and later from the scores themselves.
 */
async function graderRows(
  store: Store,
  item: ItemScope,
  input: ParsedInput<'scorecards.dashboard'>,
  range: DashboardRange,
  today: string,
): Promise<DayRow[]> {
  const versions = item.versions.map((v) => ({ id: v.id, config: v.scoreConfig }));
  const configs = new Map(versions.map((v) => [v.id, v.config]));
  const scope: ScoreScope = {
    graderId: item.graderId,
    versionId: item.pinned?.id ?? null,
    since: range.since,
    before: range.before,
    source: input.source,
  };
  const ended = range.days.filter((d) => d < today);
  const rows: DayRow[] = [];
  if (ended.length > 0) {
    // Sums cover every version of the grader, so a scorecard pinning another one reuses them.
    const all = item.allVersions.map((v) => ({ id: v.id, config: v.scoreConfig }));
    await sumDays(store, { graderId: item.graderId, versions: all }, input.split, ended);
    const first = ended[0]!;
    const last = ended[ended.length - 1]!;
    rows.push(...(await rollupQuery(scope, input.split, first, last).execute(store.db)).rows);
  }
  if (range.days[range.days.length - 1]! >= today) {
    const open = { ...scope, since: ended.length > 0 ? dayRange(today).since : range.since };
    const live = (await aggregateQuery(open, input.split, versions).execute(store.db)).rows;
    for (const r of live) rows.push({ ...r, ns: normalizedRowSum(configs, r) });
  }
  return rows;
}

/**
 * A scorecard's scores per grader per UTC day (and per split value): count, mean normalized
 * score, histogram and judge cost, and the judge cost per day over all its graders. Each
 * grader's rows come from one aggregate statement (dashboard-sql.ts); this sums them.
 */
export async function scorecardDashboard(
  store: Store,
  input: ParsedInput<'scorecards.dashboard'>,
  now = Date.now(),
): Promise<ScorecardDashboard> {
  const range = dashboardRange(WHERE, input.from, input.to, now);
  const today = dayOf(now);
  const { card, items } = await scorecardScope(store.db, WHERE, input.id, input.version);
  const points = new Tallies();
  const pointKeys = new Map<string, Omit<DashboardPoint, keyof ReturnType<typeof figuresOf>>>();
  const splitCounts = new Map<string, number>();
  const costByDay = new Tallies();
  const total = newTally();
  const graders: DashboardGrader[] = [];

  for (const item of items) {
    const rows = await graderRows(store, item, input, range, today);
    const totals = newTally();
    for (const row of rows) {
      const figures = {
        bucket: row.b,
        count: num(row.n),
        scored: num(row.scored),
        normalizedSum: num(row.ns),
        costPico: row.cost === null ? null : Number(row.cost),
      };
      const key = `${item.graderId}\u0000${row.day}\u0000${row.sk}`;
      if (!pointKeys.has(key))
        pointKeys.set(key, {
          graderId: item.graderId,
          day: row.day,
          split: row.sk === '' ? null : row.sk,
        });
      add(points.of(key), figures);
      add(totals, figures);
      add(costByDay.of(row.day), figures);
      add(total, figures);
      splitCounts.set(row.sk, (splitCounts.get(row.sk) ?? 0) + figures.count);
    }
    graders.push({
      graderId: item.graderId,
      name: item.name,
      kind: item.kind,
      weight: item.weight,
      pinnedVersion: item.pinned?.version ?? null,
      scoreConfig: item.display.scoreConfig,
      buckets: bucketList(item, totals),
      totals: figuresOf(totals),
    });
  }

  const series = [...pointKeys].map(([key, point]) => ({
    ...point,
    ...figuresOf(points.of(key)),
  }));
  series.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return {
    scorecard: { id: card.id, name: card.name, version: card.version },
    from: range.from,
    to: range.to,
    days: range.days,
    split: input.split,
    graders,
    splits: [...splitCounts]
      .map(([key, count]) => ({ key: key === '' ? null : key, count }))
      .sort((a, b) => b.count - a.count),
    series,
    cost: [...costByDay.byKey]
      .map(([day, t]) => ({
        day,
        count: t.count,
        costUsd: t.priced ? picoToUsd(t.costPico) : null,
      }))
      .sort((a, b) => (a.day < b.day ? -1 : 1)),
    totalCostUsd: total.priced ? picoToUsd(total.costPico) : null,
  };
}
