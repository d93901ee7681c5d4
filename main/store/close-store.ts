import type { Kysely } from 'kysely';
import type { DB } from './schema';
import type { WriteQueue } from './write-queue';

/** Writes already accepted are committed before the connections go: closing never drops one. */
export async function closeStore(writes: WriteQueue, db: Kysely<DB>): Promise<void> {
  await writes.drain();
  await db.destroy();
}
