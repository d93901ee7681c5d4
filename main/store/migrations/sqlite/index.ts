import type { Migration } from '../../migration';
import { migration0001 } from './0001_instance';
import { migration0002 } from './0002_llm_calls';
import { migration0003 } from './0003_prompts';
import { migration0004 } from './0004_datasets';
import { migration0005 } from './0005_eval_runs';
import { migration0006 } from './0006_unscored_results';
import { migration0007 } from './0007_dataset_source_format';
import { migration0008 } from './0008_traces';
import { migration0009 } from './0009_trace_tokens_index';
import { migration0010 } from './0010_quality';
import { migration0014 } from './0014_score_days';

/**
 * Ids 11 to 13 belong to online scoring, review queues and pulse alerts (branches h/qonline,
 * h/qreview, h/qpulse), merged on their own: these stand-ins keep the ids contiguous on branch
 * h/qui until then, and the merge replaces them with the real migrations.
 */
const reserved = (id: number): Migration => ({ id, name: `reserved_${id}`, up: 'SELECT 1;' });

/** Every migration in order. Append only: a shipped migration is never edited. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  reserved(11),
  reserved(12),
  reserved(13),
  migration0014,
];
