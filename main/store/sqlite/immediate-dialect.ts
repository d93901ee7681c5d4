import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';

/**
 * Kysely's SQLite dialect, with write transactions begun IMMEDIATE. A deferred transaction that
 * reads and then writes fails at once with SQLITE_BUSY when another process (the app and
 * `assay eval` on one data directory) wrote in between; IMMEDIATE takes the write lock first,
 * so it waits out the busy timeout instead. Within one process Kysely's single connection
 * already runs transactions one at a time.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
