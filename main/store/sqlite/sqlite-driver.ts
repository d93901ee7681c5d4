import type { Database, Statement } from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/** Distinct statements kept prepared; Assay issues a few dozen shapes, so this never evicts in practice. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite dialect with two changes that matter to Assay:
 * - Prepared statements are cached by their SQL. Kysely's own driver prepares every query
 *   anew; an eval of 5,000 cases writes 10,000 rows, and preparing each insert was 0.3 s of
 *   its 7 s (bench/eval-vs-promptfoo).
 * - Transactions begin IMMEDIATE. A deferred transaction that reads and then writes fails at
 *   once with SQLITE_BUSY when another process (the app and `assay eval` on one data
 *   directory) wrote in between; IMMEDIATE takes the write lock first, so it waits out the
 *   busy timeout instead.
 * - One caller at a time holds the single connection (a transaction from begin to commit),
 *   the others wait in line and are handed it in turn. Kysely's own mutex for one-connection
 *   dialects wakes every waiter on each release to race for it again: with a few hundred
 *   requests waiting (ingest backed up behind a commit) that cost more than the queries, so
 *   a brief backlog grew instead of clearing (bench/online-scoring, 5,000 arrivals/s).
 */
export class AssaySqliteDialect implements Dialect {
  constructor(private readonly db: Database) {}

  createDriver(): Driver {
    return new AssaySqliteDriver(this.db);
  }

  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }

  createAdapter() {
    return new QueuedSqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}

/** SQLite, with the connection's turns kept by the driver (Kysely's mutex left out). */
class QueuedSqliteAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

class AssaySqliteDriver implements Driver {
  private readonly connection: CachingConnection;
  private held = false;
  /** Callers waiting for the connection, first come first served. */
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly db: Database) {
    this.connection = new CachingConnection(db);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.held) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.held = true;
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    // Handed straight to the next in line, it stays held.
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    this.db.close();
  }
}

class CachingConnection implements DatabaseConnection {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.statement(query.sql);
    const parameters = query.parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(parameters) as R[] };
    const { changes, lastInsertRowid } = stmt.run(parameters);
    return {
      insertId: BigInt(lastInsertRowid),
      numAffectedRows: BigInt(changes),
      rows: [],
    };
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) {
      throw new Error('SQLite streams only SELECT queries');
    }
    // Not from the cache: an iterating statement is busy until the stream ends.
    const stmt = this.db.prepare(query.sql);
    for (const row of stmt.iterate(query.parameters as unknown[])) yield { rows: [row as R] };
  }

  private statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (stmt) return stmt;
    stmt = this.db.prepare(sql);
    if (this.statements.size >= STATEMENT_CACHE_SIZE) {
      this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, stmt);
    return stmt;
  }
}
