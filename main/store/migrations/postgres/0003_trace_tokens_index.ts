import type { Migration } from '../../migration';

/** SQLite's 0009: the Traces list's sort by output tokens walks an index. */
export const postgres0003: Migration = {
  id: 3,
  name: 'trace_tokens_index',
  up: `CREATE INDEX IF NOT EXISTS trace_tokens ON trace (output_tokens);`,
};
