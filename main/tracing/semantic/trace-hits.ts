import type { Kysely } from 'kysely';
import type { MeaningFilter, TraceHit } from '../../../shared/contract';
import type { DB } from '../../store/schema';
import type { Neighbour } from '../../store/vectors/vector-index';

/**
 * The traces of these neighbours that pass the filter, in the neighbours' order (closest
 * first), with what a list row shows. Neighbours whose trace is gone are dropped.
 */
export async function traceHits(
  db: Kysely<DB>,
  neighbours: readonly Neighbour[],
  filter: MeaningFilter = {},
): Promise<TraceHit[]> {
  if (neighbours.length === 0) return [];
  let query = db
    .selectFrom('trace')
    .select(['id', 'name', 'error_count', 'started_at', 'input_preview', 'output_preview'])
    .where(
      'id',
      'in',
      neighbours.map((n) => n.id),
    );
  if (filter.from) query = query.where('started_at', '>=', new Date(filter.from).toISOString());
  if (filter.to) query = query.where('started_at', '<=', new Date(filter.to).toISOString());
  if (filter.source) query = query.where('source', '=', filter.source);
  if (filter.provider) query = query.where('provider', '=', filter.provider);
  if (filter.model) query = query.where('model', '=', filter.model);
  if (filter.status === 'error') query = query.where('error_count', '>', 0);
  if (filter.status === 'ok') query = query.where('error_count', '=', 0);
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  if (filter.sessionId) query = query.where('session_id', '=', filter.sessionId);
  const rows = new Map((await query.execute()).map((r) => [r.id, r]));
  const hits: TraceHit[] = [];
  for (const n of neighbours) {
    const row = rows.get(n.id);
    if (!row) continue;
    hits.push({
      id: row.id,
      distance: n.distance,
      name: row.name,
      status: row.error_count > 0 ? 'error' : 'ok',
      startedAt: row.started_at,
      inputPreview: row.input_preview,
      outputPreview: row.output_preview,
    });
  }
  return hits;
}
