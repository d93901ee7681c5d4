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
import { migration0012 } from './0012_review';

/**
 * Id 11 belongs to the online scoring rules (branch h/qonline), merged on their own: this stand-in
 * keeps the ids contiguous until then, and the merge replaces it with the real migration.
 */
const reserved0011: Migration = { id: 11, name: 'reserved_online_scoring', up: 'SELECT 1;' };

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
  reserved0011,
  migration0012,
];
