import type { Kysely } from 'kysely';
import type { ScoreSource, ScoreTarget } from '../../../shared/contract/quality';
import { newId } from '../../kit/ids';
import type { DB } from '../../store/schema';
import { ScoreRepository } from '../score-repository';

/**
 * Test support for the read side: targets with the fields the dashboard splits by, and scores
 * at chosen times (the services stamp scores with the current time; a dashboard needs days).
 */

export async function insertTrace(
  db: Kysely<DB>,
  t: { id: string; provider: string; model: string; promptVersionId?: string | null },
): Promise<void> {
  const at = '2026-03-01T00:00:00.000Z';
  await db
    .insertInto('trace')
    .values({
      id: t.id,
      name: 'test',
      source: 'assay',
      root_span_id: null,
      started_at: at,
      ended_at: at,
      latency_ms: 1,
      span_count: 1,
      llm_count: 1,
      error_count: 0,
      input_tokens: 0,
      output_tokens: 0,
      cost_pico_usd: null,
      unpriced_count: 0,
      provider: t.provider,
      model: t.model,
      prompt_version_id: t.promptVersionId ?? null,
    })
    .execute();
}

export async function insertInteraction(
  db: Kysely<DB>,
  i: { id: string; traceId: string | null; promptVersionId?: string | null },
): Promise<void> {
  await db
    .insertInto('interaction')
    .values({
      id: i.id,
      type: 'chat',
      trace_id: i.traceId,
      input_json: '"q"',
      output_json: '"a"',
      tags_json: '[]',
      prompt_version_id: i.promptVersionId ?? null,
      span_ids_json: '[]',
      created_at: '2026-03-01T00:00:00.000Z',
    })
    .execute();
}

export async function insertSpan(
  db: Kysely<DB>,
  s: { id: string; traceId: string; provider: string; model: string; promptVersionId?: string },
): Promise<void> {
  const at = '2026-03-01T00:00:00.000Z';
  await db
    .insertInto('span')
    .values({
      id: s.id,
      trace_id: s.traceId,
      kind: 'llm',
      name: 'chat',
      source: 'assay',
      provider: s.provider,
      model: s.model,
      status: 'ok',
      request_json: '{}',
      response_json: '{}',
      input_tokens: 0,
      output_tokens: 0,
      cache_read_tokens: 0,
      cache_write_tokens: 0,
      reasoning_tokens: 0,
      latency_ms: 1,
      attempts: 1,
      cache_hit: 0,
      prompt_version_id: s.promptVersionId ?? null,
      started_at: at,
      ended_at: at,
    })
    .execute();
}

export interface StoredScore {
  readonly target: ScoreTarget;
  readonly graderId: string;
  readonly graderVersionId: string;
  readonly value: number | null;
  readonly level?: string | null;
  readonly source?: ScoreSource;
  readonly costPicoUsd?: number | null;
  readonly createdAt: string;
}

export async function insertScore(db: Kysely<DB>, s: StoredScore): Promise<string> {
  const id = newId();
  const source = s.source ?? 'grader';
  await new ScoreRepository(db).insert({
    id,
    target: s.target,
    graderId: s.graderId,
    graderVersionId: s.graderVersionId,
    name: 'test',
    value: s.value,
    level: s.level ?? null,
    reason: null,
    source,
    costPicoUsd: s.costPicoUsd ?? null,
    author: null,
    // Scores of other sources need no key; grader scores are one per target and version.
    idempotencyKey: source === 'grader' ? null : `k-${id}`,
    createdAt: s.createdAt,
  });
  return id;
}
