/**
 * Constraint violations as both drivers report them: better-sqlite3 sets `code` to
 * SQLITE_CONSTRAINT_* and pg to the SQLSTATE (23505 unique, 23503 foreign key). Domains ask
 * these instead of reading driver codes.
 */
function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : '';
}

export function isUniqueViolation(err: unknown): boolean {
  const code = codeOf(err);
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * A RESTRICT or deferred foreign key refused a delete or insert. SQLite reports a RESTRICT
 * violation as SQLITE_CONSTRAINT_TRIGGER and a deferred one as SQLITE_CONSTRAINT_FOREIGNKEY;
 * both say "FOREIGN KEY constraint failed".
 */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = codeOf(err);
  if (code === '23503' || code === '23001') return true;
  return (
    code.startsWith('SQLITE_CONSTRAINT') &&
    err instanceof Error &&
    err.message.includes('FOREIGN KEY constraint failed')
  );
}
