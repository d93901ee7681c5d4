import type { Migration } from '../../migration';
import { postgres0001 } from './0001_schema';
import { postgres0002 } from './0002_traces';
import { postgres0003 } from './0003_trace_tokens_index';
import { postgres0004 } from './0004_quality';
import { postgres0006 } from './0006_review';

/**
 * Id 5 belongs to the online scoring rules (branch h/qonline), merged on their own: this stand-in
 * keeps the ids contiguous until then, and the merge replaces it with the real migration.
 */
const reserved0005: Migration = { id: 5, name: 'reserved_online_scoring', up: 'SELECT 1;' };

/** Every PostgreSQL migration in order. Append only: a shipped migration is never edited. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  postgres0001,
  postgres0002,
  postgres0003,
  postgres0004,
  reserved0005,
  postgres0006,
];
