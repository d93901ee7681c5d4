import { sql, type Kysely } from 'kysely';
import type { DB } from '../store/schema';
import type { Dialect } from '../store/store';

/** The light columns of a span `assay traces tail` prints (no payloads: they are not shown). */
export interface FeedSpan {
  readonly id: string;
  readonly traceId: string;
  readonly kind: string;
  readonly name: string;
  readonly source: string;
  readonly provider: string | null;
  readonly model: string | null;
  readonly status: 'ok' | 'error';
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costPicoUsd: number | null;
  readonly latencyMs: number;
  readonly sessionId: string | null;
  readonly userId: string | null;
  readonly tagsJson: string | null;
  readonly promptVersionId: string | null;
  readonly startedAt: string;
}

interface Row extends FeedSpan {
  readonly seq?: number;
}

/**
 * On Postgres, spans have no insertion order: a span counts as new when its id was not seen in
 * the last LOOKBACK of start times. A span that arrives more than this after it started (an
 * exporter retrying after a long outage) is not shown; the store still has it.
 */
const LOOKBACK_MS = 10 * 60_000;
const MAX_ROWS = 2_000;

const COLUMNS = sql`id, trace_id AS "traceId", kind, name, source, provider, model, status,
  input_tokens AS "inputTokens", output_tokens AS "outputTokens", cost_pico_usd AS "costPicoUsd",
  latency_ms AS "latencyMs", session_id AS "sessionId", user_id AS "userId", tags_json AS "tagsJson",
  prompt_version_id AS "promptVersionId", started_at AS "startedAt"`;

/**
 * Spans stored after the feed started, in arrival order, whichever process stored them (the
 * CLI polls the database `assay serve` or the desktop app writes to). SQLite: by rowid, which
 * grows with every insert (the span table is never VACUUMed, see migration 0008), so a poll
 * reads only the new rows through the primary B-tree. Postgres: a window of recent start times
 * and the ids already seen.
 */
export class SpanFeed {
  private cursor = 0;
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  /** Marks everything stored so far as seen. */
  async start(): Promise<void> {
    if (this.dialect === 'sqlite') {
      const r = await sql<{ seq: number | null }>`SELECT max(rowid) AS seq FROM span`.execute(
        this.db,
      );
      this.cursor = Number(r.rows[0]?.seq ?? 0);
      return;
    }
    await this.next();
  }

  /** The spans stored since the last call (at most a few thousand a poll; the rest next time). */
  async next(now = Date.now()): Promise<FeedSpan[]> {
    if (this.dialect === 'sqlite') {
      const r =
        await sql<Row>`SELECT rowid AS seq, ${COLUMNS} FROM span WHERE rowid > ${this.cursor}
        ORDER BY rowid LIMIT ${MAX_ROWS}`.execute(this.db);
      if (r.rows.length) this.cursor = Number(r.rows[r.rows.length - 1]!.seq);
      return r.rows.map(({ seq: _seq, ...span }) => span);
    }
    const since = new Date(now - LOOKBACK_MS).toISOString();
    const r = await sql<Row>`SELECT ${COLUMNS} FROM span WHERE started_at >= ${since}
      ORDER BY started_at LIMIT ${MAX_ROWS * 5}`.execute(this.db);
    const fresh = r.rows.filter((s) => !this.seen.has(s.id));
    for (const s of fresh) this.seen.set(s.id, Date.parse(s.startedAt));
    const horizon = now - LOOKBACK_MS;
    for (const [id, t] of this.seen) if (t < horizon) this.seen.delete(id);
    return fresh.map((s) => ({
      ...s,
      costPicoUsd: s.costPicoUsd === null ? null : Number(s.costPicoUsd),
    }));
  }
}
