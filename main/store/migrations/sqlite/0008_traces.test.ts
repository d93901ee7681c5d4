import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../sqlite/migrate';
import { SQLITE_MIGRATIONS } from './index';

const insertSpan = (
  db: BetterSqlite3.Database,
  id: string,
  trace: string,
  parent: string | null,
  at: string,
  end: string,
  cost: number | null,
) =>
  db
    .prepare(
      `INSERT INTO span (id, trace_id, parent_id, kind, name, provider, model, status, request_json, response_json,
         input_tokens, output_tokens, cost_pico_usd, latency_ms, attempts, cache_hit, started_at, ended_at)
       VALUES (?, ?, ?, 'llm', ?, 'openai', 'gpt-4o', 'ok', '{"model":"gpt","messages":[]}', '{"text":"x"}', 10, 3, ?, 5, 1, 0, ?, ?)`,
    )
    .run(id, trace, parent, `name-${id}`, cost, at, end);

describe('migration 0008: traces', () => {
  it("keeps every span of an older database and folds each trace's summary row from them", () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, SQLITE_MIGRATIONS.slice(0, 7));
    insertSpan(
      db,
      'root',
      't1',
      null,
      '2026-12-01T00:00:00.000Z',
      '2026-12-01T00:00:02.500Z',
      1000,
    );
    insertSpan(
      db,
      'child',
      't1',
      'root',
      '2026-12-01T00:00:01.000Z',
      '2026-12-01T00:00:02.000Z',
      null,
    );
    insertSpan(db, 'solo', 't2', null, '2026-12-02T00:00:00.000Z', '2026-12-02T00:00:00.100Z', 7);
    const before = db.prepare('SELECT rowid, * FROM span ORDER BY id').all();

    migrate(db, SQLITE_MIGRATIONS);
    const after = db
      .prepare(
        `SELECT rowid, id, trace_id, parent_id, kind, name, provider, model, status, error_class, error_message,
           request_json, response_json, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
           reasoning_tokens, cost_pico_usd, latency_ms, ttft_ms, attempts, cache_hit, provider_request_id,
           attributes_json, started_at, ended_at FROM span ORDER BY id`,
      )
      .all();
    expect(after).toEqual(before);
    expect(db.prepare('SELECT DISTINCT source FROM span').all()).toEqual([{ source: 'assay' }]);
    expect(db.prepare('SELECT * FROM trace ORDER BY id').all()).toEqual([
      expect.objectContaining({
        id: 't1',
        name: 'name-root',
        root_span_id: 'root',
        latency_ms: 2500,
        span_count: 2,
        llm_count: 2,
        input_tokens: 20,
        cost_pico_usd: 1000,
        unpriced_count: 1,
      }),
      expect.objectContaining({
        id: 't2',
        latency_ms: 100,
        span_count: 1,
        cost_pico_usd: 7,
        unpriced_count: 0,
      }),
    ]);
    const hits = db.prepare("SELECT trace_id FROM span_fts WHERE span_fts MATCH 'gpt'").all();
    expect(hits).toHaveLength(3);
  });
});
