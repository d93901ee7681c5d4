import type { Migration } from '../../migration';
import { postgres0001 } from './0001_schema';
import { postgres0002 } from './0002_traces';
import { postgres0003 } from './0003_trace_tokens_index';
import { postgres0004 } from './0004_quality';
import { postgres0005 } from './0005_scoring_rules';
import { postgres0006 } from './0006_review';
import { postgres0007 } from './0007_pulse';
import { postgres0008 } from './0008_score_days';
import { postgres0009 } from './0009_forget_orphan_scores';
import { postgres0010 } from './0010_backtests';
import { postgres0011 } from './0011_cost_recomputation';
import { postgres0012 } from './0012_eval_run_summary';
import { postgres0013 } from './0013_accounts';

/** Every PostgreSQL migration in order. Append only: a shipped migration is never edited. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  postgres0001,
  postgres0002,
  postgres0003,
  postgres0004,
  postgres0005,
  postgres0006,
  postgres0007,
  postgres0008,
  postgres0009,
  postgres0010,
  postgres0011,
  postgres0012,
  postgres0013,
];
