import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema';
import { interactionText, traceText } from './item-texts';

export type ItemKind = 'traces' | 'interactions';

/** The embedding texts of these traces or interactions; ids no longer stored are absent. */
export async function loadTexts(
  db: Kysely<DB>,
  kind: ItemKind,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  if (kind === 'traces') {
    const rows = await db
      .selectFrom('trace')
      .select(['id', 'name', 'input_preview', 'output_preview'])
      .where('id', 'in', [...ids])
      .execute();
    for (const r of rows) out.set(r.id, traceText(r));
  } else {
    const rows = await db
      .selectFrom('interaction')
      .select(['id', 'type', 'input_json', 'output_json'])
      .where('id', 'in', [...ids])
      .execute();
    for (const r of rows) out.set(r.id, interactionText(r));
  }
  return out;
}

/** One keyset page of ids, in id order, after `afterId` (the backfill's resumable walk). */
export async function idPage(
  db: Kysely<DB>,
  kind: ItemKind,
  afterId: string | null,
  size: number,
): Promise<string[]> {
  const table = kind === 'traces' ? 'trace' : 'interaction';
  let query = db.selectFrom(table).select('id').orderBy('id').limit(size);
  if (afterId !== null) query = query.where('id', '>', afterId);
  return (await query.execute()).map((r) => r.id);
}

export async function itemCount(db: Kysely<DB>, kind: ItemKind): Promise<number> {
  const table = kind === 'traces' ? 'trace' : 'interaction';
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
