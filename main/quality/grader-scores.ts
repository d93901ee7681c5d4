import type { Kysely } from 'kysely';
import type { GraderVersionView, ScoreTarget } from '../../shared/contract/quality';
import { newId } from '../kit/ids';
import { insertNewRows } from '../store/bulk-insert';
import type { DB } from '../store/schema';
import type { Dialect } from '../store/store';
import type { GradeResult } from './grading/grade-result';
import { scoreRow, type ScoreRecord } from './score-repository';
import { checkScore } from './score-value';

/**
 * Grader scores (source `grader`), the one place that decides their rows: whatever grades
 * (online scoring, QualityService.recordGraderScore, eval runs) stores what a grader version
 * said through writeGraderScores.
 */

/** What a grader version said about one target. */
export interface GraderScoreRow {
  readonly target: ScoreTarget;
  readonly grader: {
    readonly name: string;
    readonly version: Pick<GraderVersionView, 'id' | 'graderId' | 'scoreConfig'>;
  };
  /** A value on the version's score config (a level's value, or 1/0); null: it could not score. */
  readonly value: number | boolean | null;
  /** A categorical level by name (any letter case), in place of the value. */
  readonly level: string | null;
  /** Why: the judge's words, or why there is no score. */
  readonly reason: string | null;
  /** What grading cost (judge calls), apart from the target's own cost; null when unpriced. */
  readonly costPicoUsd: number | null;
  readonly createdAt: string;
}

/** A grading result as a row: only a `scored` result carries a value, the others say why not. */
export function graderScoreRow(
  target: ScoreTarget,
  grader: GraderScoreRow['grader'],
  result: GradeResult,
  costPicoUsd: number | null,
  createdAt: string,
): GraderScoreRow {
  const scored = result.status === 'scored' && result.value !== null;
  return {
    target,
    grader,
    value: scored ? result.value : null,
    level: scored ? result.level : null,
    reason: result.reason,
    costPicoUsd,
    createdAt,
  };
}

/**
 * The score a row stores: its value as the version's config holds it (booleans as 1/0, a level
 * by its own spelling). A value the config cannot hold is stored as no score, with why: never
 * read as a pass or a 0. Callers that must refuse such a value check it first (checkScore).
 */
export function graderScoreRecord(row: GraderScoreRow): ScoreRecord {
  let value: number | null = null;
  let level: string | null = null;
  let reason = row.reason;
  if (row.value !== null || row.level !== null) {
    const checked = checkScore(
      row.grader.version.scoreConfig,
      row.level !== null ? { level: row.level } : { value: row.value! },
    );
    if (checked.ok) ({ value, level } = checked.score);
    else reason = `the grader gave a score its config cannot hold: ${checked.issue.message}`;
  }
  return {
    id: newId(),
    target: row.target,
    graderId: row.grader.version.graderId,
    graderVersionId: row.grader.version.id,
    name: row.grader.name,
    value,
    level,
    reason,
    source: 'grader',
    costPicoUsd: row.costPicoUsd,
    author: null,
    idempotencyKey: null,
    createdAt: row.createdAt,
  };
}

/**
 * Stores grader scores in the caller's transaction, a few statements for any number of rows.
 * A target keeps one score per grader version (the unique index score_grader_once): a row for
 * a target that version scored already is kept out, so grading again (a page retried after a
 * crash, a second request) stores nothing twice. Answers how many rows were stored.
 */
export async function writeGraderScores(
  tx: Kysely<DB>,
  dialect: Dialect,
  rows: readonly GraderScoreRow[],
): Promise<number> {
  return writeGraderScoreRecords(tx, dialect, rows.map(graderScoreRecord));
}

/**
 * The same, for rows already made records (graderScoreRecord): a caller that reads the checked
 * value before storing it (an eval case's scorecard verdict) stores exactly what it read.
 */
export function writeGraderScoreRecords(
  tx: Kysely<DB>,
  dialect: Dialect,
  records: readonly ScoreRecord[],
): Promise<number> {
  return insertNewRows(tx, dialect, 'score', records.map(scoreRow));
}
