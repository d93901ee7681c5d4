import { sql, type Kysely } from 'kysely';
import { COLUMNS, type DB, type TableName } from '../../main/store/schema';

export interface RowScan {
  /** `table.column` of every value whose text holds the needle. */
  readonly hits: string[];
  /** How many values were read, so a scan of an empty database does not pass unnoticed. */
  readonly scanned: number;
}

/**
 * Every value of every table in the schema, searched for `needle`. The tables come from the
 * schema's own list (the compiler holds it to the DB interface), so the scan reads the same
 * tables on SQLite and on PostgreSQL.
 */
export async function rowsContaining(db: Kysely<DB>, needle: string): Promise<RowScan> {
  const hits: string[] = [];
  let scanned = 0;
  for (const name of Object.keys(COLUMNS) as TableName[]) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(
      db,
    );
    for (const row of rows)
      for (const [column, value] of Object.entries(row)) {
        scanned++;
        const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
        if (text.includes(needle)) hits.push(`${name}.${column}`);
      }
  }
  return { hits, scanned };
}
