import { CompiledQuery, type Kysely } from 'kysely';
import type { GraderVersionView, ScoreTarget } from '../../../shared/contract/quality';
import { newId } from '../../kit/ids';
import type { DB } from '../../store/schema';
import type { Dialect } from '../../store/store';
import type { GradeResult } from '../grading/grade-result';
import type { ScoreRecord } from '../score-repository';
import { checkScore } from '../score-value';

/**
 * Grader scores of online scoring, stored as `recordGraderScore` stores one (source `grader`,
 * one per target and grader version), but a page at a time: one statement for a page's scores,
 * in the transaction that moves the rule's walk past the page.
 */

/** What a grader version said about a target (an interaction, an eval result), as a score row. */
export function graderScore(
  target: ScoreTarget,
  grader: { readonly name: string; readonly version: GraderVersionView },
  result: GradeResult,
  costPicoUsd: number | null,
  createdAt: string,
): ScoreRecord {
  let value: number | null = null;
  let level: string | null = null;
  let reason = result.reason;
  if (result.status === 'scored' && result.value !== null) {
    const checked = checkScore(
      grader.version.scoreConfig,
      result.level !== null ? { level: result.level } : { value: result.value },
    );
    // Grading holds its values to the config already; a miss here is stored as no score.
    if (checked.ok) ({ value, level } = checked.score);
    else reason = `the grader gave a score its config cannot hold: ${checked.issue.message}`;
  }
  return {
    id: newId(),
    target,
    graderId: grader.version.graderId,
    graderVersionId: grader.version.id,
    name: grader.name,
    value,
    level,
    reason,
    source: 'grader',
    costPicoUsd,
    author: null,
    idempotencyKey: null,
    createdAt,
  };
}

const COLUMNS = [
  'id',
  'target_type',
  'target_id',
  'grader_id',
  'grader_version_id',
  'name',
  'value',
  'level',
  'reason',
  'source',
  'cost_pico_usd',
  'author',
  'idempotency_key',
  'created_at',
] as const;
/** 14 parameters a row: 14,000 stay below either database's bound-parameter limit (32,766). */
const ROWS_PER_STATEMENT = 1_000;
const statements = new Map<string, string>();

function statement(dialect: Dialect, rows: number): string {
  const key = `${dialect}:${rows}`;
  let text = statements.get(key);
  if (text) return text;
  let n = 0;
  const placeholder = dialect === 'postgres' ? () => `$${++n}` : () => '?';
  const tuples = Array.from({ length: rows }, () => `(${COLUMNS.map(placeholder).join(', ')})`);
  // A score the target already has from that version is kept (score_grader_once): a page
  // graded again after a crash stores nothing twice.
  text = `INSERT INTO "score" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`;
  statements.set(key, text);
  return text;
}

function pushParameters(out: unknown[], s: ScoreRecord): void {
  out.push(
    s.id,
    s.target.type,
    s.target.id,
    s.graderId,
    s.graderVersionId,
    s.name,
    s.value,
    s.level,
    s.reason,
    s.source,
    s.costPicoUsd,
    s.author,
    s.idempotencyKey,
    s.createdAt,
  );
}

export async function insertScores(
  db: Kysely<DB>,
  dialect: Dialect,
  scores: readonly ScoreRecord[],
): Promise<void> {
  for (let i = 0; i < scores.length; i += ROWS_PER_STATEMENT) {
    const end = Math.min(scores.length, i + ROWS_PER_STATEMENT);
    const values: unknown[] = [];
    for (let k = i; k < end; k++) pushParameters(values, scores[k]!);
    await db.executeQuery(CompiledQuery.raw(statement(dialect, end - i), values));
  }
}

/**
 * Which grader versions already scored each of these interactions, among the graders named:
 * target id -> grader version ids (targets without such a score are absent).
 */
export async function versionsScored(
  db: Kysely<DB>,
  interactionIds: readonly string[],
  graderIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (interactionIds.length === 0 || graderIds.length === 0) return out;
  const rows = await db
    .selectFrom('score')
    .select(['target_id', 'grader_version_id'])
    .where('target_type', '=', 'interaction')
    .where('target_id', 'in', interactionIds)
    .where('source', '=', 'grader')
    .where('grader_id', 'in', graderIds)
    .execute();
  for (const row of rows) {
    const set = out.get(row.target_id) ?? new Set<string>();
    set.add(row.grader_version_id!);
    out.set(row.target_id, set);
  }
  return out;
}
