import type { Kysely } from 'kysely';
import type { DB } from './schema';
import type { WriteQueue } from './write-queue';

/**
 * Writes already accepted are committed before the connections go: closing never drops one.
 * Helpers holding their own connection (the WAL checkpointer) stop before the last one closes.
 */
export async function closeStore(
  writes: WriteQueue,
  db: Kysely<DB>,
  stopHelpers?: () => Promise<void> | undefined,
): Promise<void> {
  await writes.drain();
  await stopHelpers?.();
  await db.destroy();
}
