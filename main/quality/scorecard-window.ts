import type { Kysely } from 'kysely';
import type { ScoreConfig, ScoreTarget } from '../../shared/contract/quality';
import { AssayError } from '../../shared/errors';
import type { DB } from '../store/schema';
import { GraderRepository } from './grader-repository';
import { ScorecardRepository } from './scorecard-repository';
import { scorecardVerdict, type ItemScore } from './scoring/scorecard-verdict';

/**
 * The most scores one window reads (newest first). A window past it is judged on its newest
 * scores and says so (`truncated`), so an alert check's memory stays bounded.
 */
export const WINDOW_SCORE_CAP = 200_000;

export interface ScorecardWindowInput {
  readonly scorecardId: string;
  /** Scores given from `from` (inclusive) to `to` (exclusive), ISO text. */
  readonly from: string;
  readonly to: string;
  /**
   * Keeps only the targets a caller wants (a pulse rule's prompt or model filter, which the
   * tracing service answers); answers the `type:id` keys kept. Absent: every target.
   */
  readonly keep?: (targets: readonly ScoreTarget[]) => Promise<ReadonlySet<string>>;
  /** How many of the worst targets to name (default 10). */
  readonly worst?: number;
}

export interface ScorecardWindow {
  /** Targets of production traffic (interactions, spans) scored by the card's graders. */
  readonly targets: number;
  readonly complete: number;
  /** Targets some item has no usable score for: never a pass, and kept out of the mean. */
  readonly incomplete: number;
  readonly passes: number;
  /** Mean of the complete targets' verdict means (0..1); null without one. */
  readonly mean: number | null;
  /** passes / complete; null without a complete target. */
  readonly passRate: number | null;
  /** Complete targets with the lowest means, the worst first. */
  readonly worst: readonly ScoreTarget[];
  readonly truncated: boolean;
}

const keyOf = (t: ScoreTarget) => `${t.type}:${t.id}`;

/**
 * Reading 100,000 scores into verdicts takes about a second of CPU on the 2-core test VM: the
 * loops give the event loop a turn every this many rows, so IPC, HTTP and ingest stay served.
 */
const YIELD_EVERY = 5_000;
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Found {
  readonly target: ScoreTarget;
  readonly items: Map<string, ItemScore>;
}

/**
 * A scorecard's verdicts on the targets scored within a window. The mean is taken over
 * complete targets only: an incomplete verdict's mean is a partial figure the verdict itself
 * says never to compare with a threshold, and an alert compares it with one.
 */
export async function scorecardWindow(
  db: Kysely<DB>,
  input: ScorecardWindowInput,
): Promise<ScorecardWindow> {
  const { body, pinned } = await pinnedItems(db, input.scorecardId);
  const graders = new GraderRepository(db);
  const rows = await db
    .selectFrom('score')
    .select(['target_type', 'target_id', 'grader_id', 'grader_version_id', 'value'])
    .where('grader_id', 'in', [...pinned.keys()])
    .where('target_type', 'in', ['interaction', 'span'])
    .where('created_at', '>=', input.from)
    .where('created_at', '<', input.to)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(WINDOW_SCORE_CAP)
    .execute();
  const configs = new Map<string, ScoreConfig>();
  const found = new Map<string, Found>();
  for (const [i, row] of rows.entries()) {
    if (i > 0 && i % YIELD_EVERY === 0) await yieldTurn();
    const graderId = row.grader_id!;
    const versionId = row.grader_version_id!;
    const want = pinned.get(graderId);
    if (want !== undefined && want !== versionId) continue;
    const target = { type: row.target_type, id: row.target_id } as ScoreTarget;
    let entry = found.get(keyOf(target));
    if (!entry) found.set(keyOf(target), (entry = { target, items: new Map() }));
    // Newest first: the first score met per item is the one that counts.
    if (entry.items.has(graderId)) continue;
    let config = configs.get(versionId);
    if (!config) {
      config = (await graders.versionById(versionId))!.scoreConfig;
      configs.set(versionId, config);
    }
    entry.items.set(graderId, {
      status: row.value === null ? 'unscored' : 'scored',
      value: row.value,
      scoreConfig: config,
    });
  }
  let entries = [...found.values()];
  if (input.keep && entries.length > 0) {
    const kept = await input.keep(entries.map((e) => e.target));
    entries = entries.filter((e) => kept.has(keyOf(e.target)));
  }
  const complete: { target: ScoreTarget; mean: number; pass: boolean }[] = [];
  for (const [i, entry] of entries.entries()) {
    if (i > 0 && i % YIELD_EVERY === 0) await yieldTurn();
    const verdict = scorecardVerdict(body, entry.items);
    if (verdict.outcome === 'incomplete') continue;
    complete.push({ target: entry.target, mean: verdict.mean!, pass: verdict.outcome === 'pass' });
  }
  const passes = complete.filter((c) => c.pass).length;
  const sum = complete.reduce((total, c) => total + c.mean, 0);
  const worst = [...complete]
    .sort((a, b) => a.mean - b.mean || a.target.id.localeCompare(b.target.id))
    .slice(0, input.worst ?? 10)
    .map((c) => c.target);
  return {
    targets: entries.length,
    complete: complete.length,
    incomplete: entries.length - complete.length,
    passes,
    mean: complete.length === 0 ? null : sum / complete.length,
    passRate: complete.length === 0 ? null : passes / complete.length,
    worst,
    truncated: rows.length === WINDOW_SCORE_CAP,
  };
}

/**
 * A scorecard's current version and, per grader, the version whose scores count: a pinned
 * item counts only its version's scores (null: a pinned version that is gone, matching none);
 * an unpinned one (undefined) the newest of any version.
 */
export async function pinnedItems(db: Kysely<DB>, scorecardId: string) {
  const version = await new ScorecardRepository(db).version(scorecardId);
  if (!version)
    throw new AssayError('NOT_FOUND', `no scorecard with id "${scorecardId}"`, {
      issues: [{ path: 'scorecardId', message: 'no such scorecard' }],
    });
  const body = version.body;
  const graders = new GraderRepository(db);
  const pinned = new Map<string, string | null | undefined>();
  for (const item of body.items) {
    const v =
      item.graderVersion === undefined
        ? undefined
        : await graders.versionByNumber(item.graderId, item.graderVersion);
    pinned.set(item.graderId, v === undefined ? undefined : (v?.id ?? null));
  }
  return { body, pinned };
}

/**
 * The scorecard's mean of each interaction from its newest scores; null when its verdict is
 * incomplete (an item without a usable score). Backtest sets band interactions by it.
 */
export async function interactionMeans(
  db: Kysely<DB>,
  scorecardId: string,
  interactionIds: readonly string[],
): Promise<Map<string, number | null>> {
  const { body, pinned } = await pinnedItems(db, scorecardId);
  const graders = new GraderRepository(db);
  const configs = new Map<string, ScoreConfig>();
  const items = new Map<string, Map<string, ItemScore>>();
  for (let i = 0; i < interactionIds.length; i += 500) {
    const rows = await db
      .selectFrom('score')
      .select(['target_id', 'grader_id', 'grader_version_id', 'value'])
      .where('target_type', '=', 'interaction')
      .where('target_id', 'in', interactionIds.slice(i, i + 500))
      .where('grader_id', 'in', [...pinned.keys()])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    for (const row of rows) {
      const want = pinned.get(row.grader_id!);
      if (want !== undefined && want !== row.grader_version_id) continue;
      let found = items.get(row.target_id);
      if (!found) items.set(row.target_id, (found = new Map()));
      if (found.has(row.grader_id!)) continue;
      let config = configs.get(row.grader_version_id!);
      if (!config) {
        config = (await graders.versionById(row.grader_version_id!))!.scoreConfig;
        configs.set(row.grader_version_id!, config);
      }
      found.set(row.grader_id!, {
        status: row.value === null ? 'unscored' : 'scored',
        value: row.value,
        scoreConfig: config,
      });
    }
  }
  const out = new Map<string, number | null>();
  for (const id of interactionIds) {
    const verdict = scorecardVerdict(body, items.get(id) ?? new Map());
    out.set(id, verdict.outcome === 'incomplete' ? null : verdict.mean);
  }
  return out;
}
