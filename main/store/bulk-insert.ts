import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import type { DB } from './schema';
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
  const parameters: unknown[] = [];
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    for (const column of columns) parameters.push(values[column] ?? null);
  }
  await db.executeQuery(
    CompiledQuery.raw(statementText(dialect, table, columns, rows.length), parameters),
  );
}

const texts = new Map<string, string>();

function statementText(dialect: Dialect, table: string, columns: string[], count: number): string {
  const key = `${dialect}\u0000${table}\u0000${columns.join(',')}\u0000${count}`;
  let text = texts.get(key);
  if (text) return text;
  let n = 0;
  const placeholder = dialect === 'postgres' ? () => `$${++n}` : () => '?';
  const tuples: string[] = [];
  for (let r = 0; r < count; r++) tuples.push(`(${columns.map(placeholder).join(', ')})`);
  text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`;
  // A handful of shapes exist (a batch's last chunk varies): the cache stays small.
  if (texts.size > 1000) texts.clear();
  texts.set(key, text);
  return text;
}
