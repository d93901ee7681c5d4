import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema';

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
