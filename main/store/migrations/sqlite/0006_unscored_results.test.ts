import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../sqlite/migrate';
import { SQLITE_MIGRATIONS } from './index';

const RUN = {
  id: 'run-1',
  group_id: 'g',
  name: 'n',
  prompt_label: 'inline prompt',
  frozen_prompt_json: '{}',
  interaction_type: 'chat',
  provider: 'openai',
  model: 'm',
  status: 'completed',
  concurrency: 1,
  repeat: 1,
  total_cases: 2,
  created_at: '2026-12-01T00:00:00Z',
};

function result(id: string, status: string, score: number | null) {
  return {
    id,
    run_id: 'run-1',
    case_key: id,
    repeat_index: 0,
    status,
    score,
    output: 'o',
    matchers_json: '[]',
    created_at: '2026-12-01T00:00:00Z',
  };
}

const insertResult = (db: BetterSqlite3.Database, row: ReturnType<typeof result>) =>
  db
    .prepare(
      `INSERT INTO eval_result (id, run_id, case_key, repeat_index, status, score, output, matchers_json, created_at)
       VALUES (@id, @run_id, @case_key, @repeat_index, @status, @score, @output, @matchers_json, @created_at)`,
    )
    .run(row);

describe('migration 0006: unscored results', () => {
  it('keeps every result of an older database and then accepts unscored ones without a score', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, SQLITE_MIGRATIONS.slice(0, 5));
    db.prepare(
      `INSERT INTO eval_run (id, group_id, name, prompt_label, frozen_prompt_json, interaction_type, provider,
         model, status, concurrency, repeat, total_cases, created_at)
       VALUES (@id, @group_id, @name, @prompt_label, @frozen_prompt_json, @interaction_type, @provider,
         @model, @status, @concurrency, @repeat, @total_cases, @created_at)`,
    ).run(RUN);
    insertResult(db, result('a', 'pass', 1));
    insertResult(db, result('b', 'error', 0));
    expect(() => insertResult(db, result('c', 'unscored', null))).toThrow();
    const before = db.prepare('SELECT * FROM eval_result ORDER BY id').all();

    migrate(db, SQLITE_MIGRATIONS);
    expect(db.prepare('SELECT * FROM eval_result ORDER BY id').all()).toEqual(before);
    insertResult(db, result('c', 'unscored', null));
    expect(() => insertResult(db, result('d', 'maybe', null))).toThrow(/CHECK/);
    expect(() => insertResult(db, { ...result('a2', 'pass', 1), case_key: 'a' })).toThrow(/UNIQUE/);
    // Results still go with their run.
    db.prepare('DELETE FROM eval_run WHERE id = ?').run('run-1');
    expect(db.prepare('SELECT count(*) AS n FROM eval_result').get()).toEqual({ n: 0 });
  });
});
