import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SessionSummary } from '../../../shared/contract/trace-insights';
import { SESSION_THREAD_LIMIT } from '../../../shared/contract/trace-insights';
import type { TraceSummary } from '../../../shared/contract/traces';
import { picoToUsd } from '../../../shared/money';
import type { DB } from '../../store/schema';
import { toTraceSummary } from '../trace-repository';

interface SessionRow {
  sid: string;
  first_at: string;
  last_at: string;
  traces: number | string;
  interactions: number | string;
  user_id: string | null;
  cost: number | string | null;
  unpriced: number | string | null;
}

function toSession(row: SessionRow): SessionSummary {
  return {
    id: row.sid,
    firstAt: row.first_at,
    lastAt: row.last_at,
    traceCount: Number(row.traces),
    interactionCount: Number(row.interactions),
    userId: row.user_id,
    costUsd: row.cost === null ? null : picoToUsd(Number(row.cost)),
    unpricedCount: Number(row.unpriced ?? 0),
  };
}

/**
 * The traces of each session: those tagged with it and those an interaction of it links to
 * (an app often logs the interaction with its session and the calls without). UNION keeps a
 * trace that is both once.
 */
function sessionTraces(sessionId: string | null): RawBuilder<unknown> {
  const tagged = sessionId === null ? sql`session_id IS NOT NULL` : sql`session_id = ${sessionId}`;
  return sql`
    SELECT session_id AS sid, id AS trace_id FROM trace WHERE ${tagged}
    UNION
    SELECT session_id AS sid, trace_id FROM interaction
    WHERE ${tagged} AND trace_id IS NOT NULL`;
}

/**
 * Sessions folded from their traces and interactions: one row per session with its first and
 * last time, counts, a user and the summed cost of its priced traces (NULL when none is).
 */
function sessionsQuery(
  where: { sessionId: string | null; userId: string | null },
  page: { offset: number; limit: number },
): RawBuilder<SessionRow> {
  const tagged =
    where.sessionId === null ? sql`session_id IS NOT NULL` : sql`session_id = ${where.sessionId}`;
  const user = where.userId === null ? sql`` : sql`HAVING max(user_id) = ${where.userId}`;
  return sql<SessionRow>`
    WITH st AS (${sessionTraces(where.sessionId)}),
    parts AS (
      SELECT st.sid AS sid, t.started_at AS first_at, t.ended_at AS last_at, 1 AS traces,
             0 AS interactions, t.user_id AS user_id, t.cost_pico_usd AS cost,
             t.unpriced_count AS unpriced
      FROM st JOIN trace t ON t.id = st.trace_id
      UNION ALL
      SELECT session_id, created_at, created_at, 0, 1, user_id, NULL, 0
      FROM interaction WHERE ${tagged}
    )
    SELECT sid, min(first_at) AS first_at, max(last_at) AS last_at, sum(traces) AS traces,
           sum(interactions) AS interactions, max(user_id) AS user_id, sum(cost) AS cost,
           sum(unpriced) AS unpriced
    FROM parts GROUP BY sid ${user}
    ORDER BY max(last_at) DESC, sid DESC
    LIMIT ${page.limit} OFFSET ${page.offset}`;
}

/** Sessions seen in traces and interactions, most recently active first. */
export async function listSessions(
  db: Kysely<DB>,
  input: { userId?: string; offset: number; limit: number },
): Promise<{ items: SessionSummary[]; nextOffset: number | null }> {
  const { rows } = await sessionsQuery(
    { sessionId: null, userId: input.userId ?? null },
    { offset: input.offset, limit: input.limit + 1 },
  ).execute(db);
  return {
    items: rows.slice(0, input.limit).map(toSession),
    nextOffset: rows.length > input.limit ? input.offset + input.limit : null,
  };
}

export async function sessionSummary(
  db: Kysely<DB>,
  sessionId: string,
): Promise<SessionSummary | null> {
  const { rows } = await sessionsQuery(
    { sessionId, userId: null },
    { offset: 0, limit: 1 },
  ).execute(db);
  return rows[0] ? toSession(rows[0]) : null;
}

/** A session's traces in start order, at most SESSION_THREAD_LIMIT (+1 to tell there are more). */
export async function sessionTraceList(
  db: Kysely<DB>,
  sessionId: string,
): Promise<{ traces: TraceSummary[]; truncated: boolean }> {
  const rows = await db
    .selectFrom('trace')
    .selectAll()
    .where('id', 'in', sql<string>`(SELECT trace_id FROM (${sessionTraces(sessionId)}) st)`)
    .orderBy('started_at')
    .orderBy('id')
    .limit(SESSION_THREAD_LIMIT + 1)
    .execute();
  return {
    traces: rows.slice(0, SESSION_THREAD_LIMIT).map(toTraceSummary),
    truncated: rows.length > SESSION_THREAD_LIMIT,
  };
}
