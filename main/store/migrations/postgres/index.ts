import type { Migration } from '../../migration';
import { postgres0001 } from './0001_schema';
import { postgres0002 } from './0002_traces';
import { postgres0003 } from './0003_trace_tokens_index';
import { postgres0004 } from './0004_quality';
import { postgres0008 } from './0008_score_days';

/**
 * Ids 5 to 7 belong to online scoring, review queues and pulse alerts (branches h/qonline,
 * h/qreview, h/qpulse), merged on their own: these stand-ins keep the ids contiguous on branch
 * h/qui until then, and the merge replaces them with the real migrations.
 */
const reserved = (id: number): Migration => ({ id, name: `reserved_${id}`, up: 'SELECT 1;' });

/** Every PostgreSQL migration in order. Append only: a shipped migration is never edited. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  postgres0001,
  postgres0002,
  postgres0003,
  postgres0004,
  reserved(5),
  reserved(6),
  reserved(7),
  postgres0008,
];
