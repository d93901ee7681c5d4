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
import { migration0011 } from './0011_scoring_rules';
import { migration0012 } from './0012_review';
import { migration0013 } from './0013_pulse';
import { migration0014 } from './0014_score_days';
import { migration0015 } from './0015_forget_orphan_scores';
import { migration0016 } from './0016_backtests';
import { migration0017 } from './0017_cost_recomputation';
import { migration0018 } from './0018_eval_run_summary';
import { migration0019 } from './0019_accounts';

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
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
];
