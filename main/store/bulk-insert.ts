import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import type { DB } from './schema';
import { escapeNul } from './postgres/nul-escape';
import type { Dialect } from './store';

/**
 * Rows of one shape inserted with one statement whose text is built once per table and row
 * count. Kysely's builder parses and compiles every value of every row (7,200 for 200 spans of
 * 36 columns): that was 8% of the span writer's time under OTLP ingest
 * (bench/otlp-ingest.bench.ts), the thread that bounds ingest. The columns are the first
 * row's keys; every row must have them (a row built by one function, like spanRow).
 */
export async function insertRows<T extends keyof DB & string>(
  db: Kysely<DB>,
  dialect: Dialect,
  table: T,
  rows: readonly Insertable<DB[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  await db.executeQuery(
    CompiledQuery.raw(
      statementText(dialect, table, columns, rows.length, ''),
      parametersOf(dialect, rows, columns),
    ),
  );
}

/** Bound parameters a statement: under either database's limit (32,766 in SQLite). */
const PARAMETERS_PER_STATEMENT = 14_000;

/**
 * insertRows for rows a unique key may already hold: those are kept out, never an error (so a
 * retry inside a group commit cannot fail the other writes of its batch). Answers how many rows
 * were stored. Large batches go in several statements.
 */
export async function insertNewRows<T extends keyof DB & string>(
  db: Kysely<DB>,
  dialect: Dialect,
  table: T,
  rows: readonly Insertable<DB[T]>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns.length));
  let stored = 0;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    // No RETURNING: in SQLite it doubled the time of a 1,000-row insert.
    const result = await db.executeQuery(
      CompiledQuery.raw(
        statementText(dialect, table, columns, chunk.length, ' ON CONFLICT DO NOTHING'),
        parametersOf(dialect, chunk, columns),
      ),
    );
    stored += Number(result.numAffectedRows ?? 0);
  }
  return stored;
}

/**
 * The rows' values in column order. A compiled statement skips Kysely's plugins, so on
 * PostgreSQL text is escaped here as NulEscapePlugin escapes every other statement's: a span
 * or score holding U+0000 is stored, not refused (postgres/nul-escape.ts).
 */
function parametersOf(
  dialect: Dialect,
  rows: readonly object[],
  columns: readonly string[],
): unknown[] {
  const parameters: unknown[] = [];
  const escape = dialect === 'postgres';
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    for (const column of columns) {
      const value = values[column] ?? null;
      parameters.push(escape && typeof value === 'string' ? escapeNul(value) : value);
    }
  }
  return parameters;
}

const texts = new Map<string, string>();

function statementText(
  dialect: Dialect,
  table: string,
  columns: string[],
  count: number,
  tail: string,
): string {
  const key = `${dialect}\u0000${table}\u0000${columns.join(',')}\u0000${count}\u0000${tail}`;
  let text = texts.get(key);
  if (text) return text;
  let n = 0;
  const placeholder = dialect === 'postgres' ? () => `$${++n}` : () => '?';
  const tuples: string[] = [];
  for (let r = 0; r < count; r++) tuples.push(`(${columns.map(placeholder).join(', ')})`);
  text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}${tail}`;
  // A handful of shapes exist (a batch's last chunk varies): the cache stays small.
  if (texts.size > 1000) texts.clear();
  texts.set(key, text);
  return text;
}
