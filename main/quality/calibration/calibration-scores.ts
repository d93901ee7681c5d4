import { sql, type Kysely } from 'kysely';
import type { ScoreTarget } from '../../../shared/contract/quality';
import type { DB } from '../../store/schema';

/** A score as calibration reads it: enough to label it and to list a disagreement. */
export interface LabelledScore {
  readonly id: string;
  readonly target: ScoreTarget;
  readonly graderVersionId: string;
  readonly value: number | null;
  readonly level: string | null;
  readonly reason: string | null;
}

const CHUNK = 500;
const targetKey = (t: ScoreTarget) => `${t.type}:${t.id}`;
export { targetKey };

const COLUMNS = [
  'id',
  'target_type',
  'target_id',
  'grader_version_id',
  'value',
  'level',
  'reason',
] as const;

type Row = {
  id: string;
  target_type: string;
  target_id: string;
  grader_version_id: string | null;
  value: number | null;
  level: string | null;
  reason: string | null;
};

const toScore = (row: Row): LabelledScore => ({
  id: row.id,
  target: { type: row.target_type as ScoreTarget['type'], id: row.target_id },
  // Scores read here all have a grader (they are read by grader id).
  graderVersionId: row.grader_version_id!,
  value: row.value === null ? null : Number(row.value),
  level: row.level,
  reason: row.reason,
});

/** Keeps the first (newest) score of each target of a newest-first list. */
function newestPerTarget(rows: readonly Row[]): Map<string, LabelledScore> {
  const out = new Map<string, LabelledScore>();
  for (const row of rows) {
    const score = toScore(row);
    const key = targetKey(score.target);
    if (!out.has(key)) out.set(key, score);
  }
  return out;
}

/**
 * The reference's newest scored judgement per target: people's scores under the judge itself
 * (source `human`), or every score of a reference grader (a human grader's, or a second judge
 * kept as a grader of its own). Scores without a value tell nothing about agreement.
 */
export async function referenceScores(
  db: Kysely<DB>,
  graderId: string,
  onlyHuman: boolean,
): Promise<Map<string, LabelledScore>> {
  let q = db
    .selectFrom('score')
    .select(COLUMNS)
    .where('grader_id', '=', graderId)
    .where('value', 'is not', null);
  // A literal, not a parameter: SQLite uses the partial index score_grader_human only when the
  // query names its condition's value.
  if (onlyHuman) q = q.where('source', '=', sql.lit('human'));
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return newestPerTarget(rows);
}

/**
 * The judge's newest scored verdict (source `grader`) on each of the given targets, by the
 * versions given, a batch of targets at a time: people label few targets, a judge may have
 * scored millions. Asking by (target, version) with the literal source reads the partial unique
 * index score_grader_once, which holds all three, so only matching scores are fetched.
 */
export async function judgeScores(
  db: Kysely<DB>,
  versionIds: readonly string[],
  targets: readonly ScoreTarget[],
): Promise<Map<string, LabelledScore>> {
  const rows: (Row & { created_at: string })[] = [];
  if (versionIds.length === 0) return new Map();
  for (const type of new Set(targets.map((t) => t.type))) {
    const ids = targets.filter((t) => t.type === type).map((t) => t.id);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const found = await db
        .selectFrom('score')
        .select([...COLUMNS, 'created_at'])
        .where('target_type', '=', type)
        .where('target_id', 'in', ids.slice(i, i + CHUNK))
        .where('grader_version_id', 'in', [...versionIds])
        .where('source', '=', sql.lit('grader'))
        .where('value', 'is not', null)
        .execute();
      rows.push(...found);
    }
  }
  // Newest first across the batches, ties by id, as a single ordered read would give.
  rows.sort((a, b) =>
    a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1,
  );
  return newestPerTarget(rows);
}
