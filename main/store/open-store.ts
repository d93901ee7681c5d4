import { openPostgres } from './postgres/open-postgres';
import { openSqlite } from './sqlite/open-sqlite';
import type { Store, StoreConfig } from './store';

/** Opens the configured database, migrated and ready. */
export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.kind === 'postgres') return openPostgres(config);
  return openSqlite(config);
}
