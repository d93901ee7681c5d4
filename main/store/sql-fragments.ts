import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Dialect } from './store';

/**
 * The few places where SQLite and PostgreSQL need different SQL, each written once here so
 * repositories stay dialect-free.
 */

/** True when the JSON array in `column` holds the string `value` (tag filters). */
export function jsonArrayHas(dialect: Dialect, column: string, value: string): RawBuilder<SqlBool> {
  return dialect === 'postgres'
    ? // Compared as JSON text: unescaping every element to text would fail on a stored \u0000.
      sql<SqlBool>`EXISTS (SELECT 1 FROM json_array_elements(${sql.ref(column)}) AS t(value) WHERE t.value::text = to_json(${value}::text)::text)`
    : sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(${sql.ref(column)}) WHERE value = ${value})`;
}

/** How many rows satisfy `condition` (0 on no rows), portable where `sum(bool)` is not. */
export function countWhere(condition: Expression<SqlBool>): RawBuilder<number> {
  return sql<number>`coalesce(sum(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;
}

/** The smaller of two values of one type (SQLite's two-argument min(); LEAST on Postgres). */
export function least(
  dialect: Dialect,
  a: Expression<unknown>,
  b: Expression<unknown>,
): RawBuilder<string> {
  return dialect === 'postgres' ? sql<string>`LEAST(${a}, ${b})` : sql<string>`min(${a}, ${b})`;
}

/** The larger of two values of one type (SQLite's two-argument max(); GREATEST on Postgres). */
export function greatest(
  dialect: Dialect,
  a: Expression<unknown>,
  b: Expression<unknown>,
): RawBuilder<string> {
  return dialect === 'postgres' ? sql<string>`GREATEST(${a}, ${b})` : sql<string>`max(${a}, ${b})`;
}

/** Whole milliseconds from one ISO-8601 text time to another (stored times are to the ms). */
export function msBetween(
  dialect: Dialect,
  from: Expression<unknown>,
  to: Expression<unknown>,
): RawBuilder<number> {
  return dialect === 'postgres'
    ? sql<number>`round(extract(epoch FROM (${to}::timestamptz - ${from}::timestamptz)) * 1000.0)`
    : sql<number>`round((julianday(${to}) - julianday(${from})) * 86400000.0)`;
}
