/**
 * The one typed definition of every table, as both dialects return rows to Kysely.
 *
 * The same row type holds on SQLite and on PostgreSQL because the Postgres pool is told to
 * hand back what SQLite hands back (see postgres/pg-types.ts): BIGINT and NUMERIC as numbers,
 * JSON and JSONB as their text. JSON columns are therefore `string` here and are parsed in one
 * converter per entity, next to its repository. Timestamps are ISO-8601 text in UTC on both
 * dialects, so they sort as strings and round-trip byte for byte. Flags are 0/1 integers.
 *
 * The DDL that creates these tables lives in migrations/sqlite and migrations/postgres; the
 * schema test checks that both databases expose exactly these columns.
 */

/** A JSON document stored as text (TEXT in SQLite; JSON or JSONB in Postgres). */
export type JsonText = string;
/** 0 or 1. */
export type Flag = number;
/** ISO-8601 UTC text, e.g. 2026-12-06T18:55:56.123Z. */
export type IsoTime = string;

export interface InstanceTable {
  id: string;
  created_at: IsoTime;
}

export interface SpanTable {
  id: string;
  trace_id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  /** assay | gateway | otlp | api */
  source: string;
  provider: string | null;
  model: string | null;
  status: string;
  error_class: string | null;
  error_message: string | null;
  /** NULL when the payload is compressed into `payload_z`. */
  request_json: JsonText | null;
  response_json: JsonText | null;
  /** Deflated `{"request":…,"response":…}` JSON, for payloads worth compressing. */
  payload_z: Uint8Array | null;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  reasoning_tokens: number;
  /** Pico-dollars (1e-12 USD); BIGINT on Postgres. */
  cost_pico_usd: number | null;
  latency_ms: number;
  ttft_ms: number | null;
  attempts: number;
  cache_hit: Flag;
  provider_request_id: string | null;
  attributes_json: JsonText | null;
  session_id: string | null;
  user_id: string | null;
  tags_json: JsonText | null;
  prompt_version_id: string | null;
  /** The span this one reran (a rerun sits next to its original). */
  rerun_of: string | null;
  started_at: IsoTime;
  ended_at: IsoTime;
}

/** One row per trace, folded from its spans as they arrive (in any order). */
export interface TraceTable {
  id: string;
  name: string;
  source: string;
  root_span_id: string | null;
  started_at: IsoTime;
  ended_at: IsoTime;
  latency_ms: number;
  span_count: number;
  llm_count: number;
  error_count: number;
  input_tokens: number;
  output_tokens: number;
  /** Sum of the priced spans; NULL while none is priced. */
  cost_pico_usd: number | null;
  /** LLM spans that answered but have no price: the trace's cost is then a lower bound. */
  unpriced_count: number;
  provider: string | null;
  model: string | null;
  prompt_version_id: string | null;
  session_id: string | null;
  user_id: string | null;
  tags_json: JsonText | null;
  input_preview: string | null;
  output_preview: string | null;
}

export interface InteractionTable {
  id: string;
  type: string;
  trace_id: string | null;
  input_json: JsonText;
  output_json: JsonText | null;
  session_id: string | null;
  user_id: string | null;
  tags_json: JsonText;
  metadata_json: JsonText | null;
  prompt_version_id: string | null;
  span_ids_json: JsonText;
  created_at: IsoTime;
}

export interface InteractionFeedbackTable {
  id: string;
  interaction_id: string;
  score: number | null;
  label: string | null;
  comment: string | null;
  user_id: string | null;
  created_at: IsoTime;
}

export interface LlmCacheTable {
  key: string;
  provider: string;
  model: string;
  response_json: JsonText;
  /** Epoch milliseconds. */
  created_at: number;
  expires_at: number | null;
}

export interface ModelPriceTable {
  provider: string;
  model: string;
  input_pico: number;
  output_pico: number;
  cache_read_pico: number | null;
  cache_write_pico: number | null;
  updated_at: IsoTime;
}

export interface PromptTable {
  id: string;
  name: string;
  kind: string;
  description: string;
  tags_json: JsonText;
  created_at: IsoTime;
  updated_at: IsoTime;
  deleted_at: IsoTime | null;
}

export interface PromptVersionTable {
  id: string;
  prompt_id: string;
  major: number;
  minor: number;
  parent_version_id: string | null;
  content_json: JsonText;
  content_hash: string;
  author: string;
  message: string;
  created_at: IsoTime;
}

export interface PromptComponentRefTable {
  version_id: string;
  position: number;
  component_prompt_id: string;
  component_version_id: string | null;
  component_label: string | null;
}

export interface PromptLabelTable {
  prompt_id: string;
  label: string;
  version_id: string;
  updated_at: IsoTime;
}

export interface PromptLabelEventTable {
  id: string;
  prompt_id: string;
  label: string;
  from_version_id: string | null;
  to_version_id: string;
  actor: string;
  at: IsoTime;
}

export interface PlaygroundRunTable {
  id: string;
  created_at: IsoTime;
  prompt_name: string | null;
  prompt_version: string | null;
  variables_json: JsonText;
  messages_json: JsonText;
  columns_json: JsonText;
}

export interface DatasetTable {
  id: string;
  name: string;
  interaction_type: string;
  description: string;
  tags_json: JsonText;
  source_format: string | null;
  created_at: IsoTime;
  updated_at: IsoTime;
  deleted_at: IsoTime | null;
}

export interface TestCaseTable {
  id: string;
  dataset_id: string;
  position: number;
  description: string;
  vars_json: JsonText;
  expected_json: JsonText | null;
  matchers_json: JsonText;
  tags_json: JsonText;
  source_span_id: string | null;
  revision: number;
  created_at: IsoTime;
  updated_at: IsoTime;
  deleted_at: IsoTime | null;
}

export interface EvalRunTable {
  id: string;
  group_id: string;
  name: string;
  dataset_id: string | null;
  prompt_version_id: string | null;
  prompt_label: string;
  frozen_prompt_json: JsonText;
  interaction_type: string;
  provider: string;
  model: string;
  parameters_json: JsonText;
  status: string;
  concurrency: number;
  repeat: number;
  bypass_cache: Flag;
  total_cases: number;
  created_at: IsoTime;
  started_at: IsoTime | null;
  finished_at: IsoTime | null;
  error: string | null;
}

export interface EvalRunCaseTable {
  run_id: string;
  case_key: string;
  position: number;
  revision: number;
  vars_json: JsonText;
  expected_json: JsonText | null;
  matchers_json: JsonText;
}

export interface EvalResultTable {
  id: string;
  run_id: string;
  case_key: string;
  repeat_index: number;
  status: string;
  score: number | null;
  output: string | null;
  matchers_json: JsonText;
  latency_ms: number | null;
  input_tokens: number;
  output_tokens: number;
  cost_pico_usd: number | null;
  judge_cost_pico_usd: number;
  cached: Flag;
  span_id: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: IsoTime;
}

/** A completed eval run's leaderboard figures, stored once (migration 0018). */
export interface EvalRunSummaryTable {
  run_id: string;
  results: number;
  scored: number;
  errors: number;
  mean_score: number | null;
  pass_rate: number | null;
  cost_pico_usd: number | null;
  priced_results: number;
  unpriced_results: number;
  latency_p50_ms: number | null;
  latency_p95_ms: number | null;
  computed_at: IsoTime;
}

export interface GraderTable {
  id: string;
  name: string;
  description: string;
  /** deterministic | llm_judge | code | human (the contract's enum is the gate). */
  kind: string;
  built_in: Flag;
  archived: Flag;
  created_at: IsoTime;
}

/** Immutable: an edit is a new row with the next `version`. */
export interface GraderVersionTable {
  id: string;
  grader_id: string;
  version: number;
  definition_json: JsonText;
  score_config_json: JsonText;
  rubric: string;
  created_at: IsoTime;
}

export interface ScorecardTable {
  id: string;
  name: string;
  description: string;
  archived: Flag;
  created_at: IsoTime;
}

/** Immutable: an edit is a new row with the next `version`. */
export interface ScorecardVersionTable {
  id: string;
  scorecard_id: string;
  version: number;
  body_json: JsonText;
  created_at: IsoTime;
}

export interface ScoreTable {
  id: string;
  /** interaction | span | eval_result */
  target_type: string;
  target_id: string;
  grader_id: string | null;
  grader_version_id: string | null;
  name: string;
  /** NULL when a grader could not score (its reason says why). */
  value: number | null;
  level: string | null;
  reason: string | null;
  /** grader | human | api */
  source: string;
  /** Pico-dollars (1e-12 USD) the judge calls cost; BIGINT on Postgres. */
  cost_pico_usd: number | null;
  author: string | null;
  idempotency_key: string | null;
  created_at: IsoTime;
}

/** A pulse rule: a metric over a window, a condition, and its edge-triggered firing state. */
export interface AlertRuleTable {
  id: string;
  name: string;
  metric: string;
  scorecard_id: string | null;
  condition_json: JsonText;
  window_minutes: number;
  filter_json: JsonText;
  min_samples: number;
  webhook_ids_json: JsonText;
  enabled: Flag;
  firing: Flag;
  last_evaluated_at: IsoTime | null;
  last_value: number | null;
  last_error: string | null;
  created_at: IsoTime;
  updated_at: IsoTime;
}

/** One firing of a rule; it outlives the rule (rule_id NULL, rule_name kept). */
export interface AlertTable {
  id: string;
  rule_id: string | null;
  rule_name: string;
  metric: string;
  condition_json: JsonText;
  value: number;
  previous_value: number | null;
  window_from: IsoTime;
  window_to: IsoTime;
  summary: string;
  interaction_ids_json: JsonText;
  trace_ids_json: JsonText;
  fired_at: IsoTime;
  /** NULL while unread. */
  read_at: IsoTime | null;
}

/** URL and secret as ciphertext of the app's secret cipher (`cipher` names which). */
export interface WebhookTable {
  id: string;
  name: string;
  format: string;
  cipher: string;
  url_cipher: string;
  secret_cipher: string;
  /** Scheme and host only: what views show. */
  url_hint: string;
  created_at: IsoTime;
}

/** One alert's delivery to one webhook; pending while finished_at is NULL. */
export interface WebhookDeliveryTable {
  id: string;
  alert_id: string;
  webhook_id: string | null;
  webhook_name: string;
  attempts_json: JsonText;
  delivered: Flag;
  final_error: string | null;
  created_at: IsoTime;
  /** When a process took the delivery on (a dead process's delivery is claimed again). */
  claimed_at: IsoTime;
  finished_at: IsoTime | null;
}

export interface ReviewQueueTable {
  id: string;
  name: string;
  /** The grader whose score config reviewers use. */
  grader_id: string;
  /** hand | filter | rule: how the queue was last filled; NULL until then. */
  filled_by: string | null;
  /** The interactions filter or score rule of that fill (NULL by hand). */
  rule_json: JsonText | null;
  instructions: string;
  archived: Flag;
  created_at: IsoTime;
}

/** One interaction for one reviewer (NULL assignee: open to the first who reviews it). */
export interface ReviewItemTable {
  id: string;
  queue_id: string;
  target_id: string;
  position: number;
  assignee: string | null;
  /** pending | completed | skipped */
  state: string;
  completed_at: IsoTime | null;
  score_id: string | null;
}

/** A grader's scores of one ended UTC day, summed (see migration 0014 and score-rollup.ts). */
export interface ScoreDayTable {
  grader_id: string;
  /** none | prompt_version | model */
  split: string;
  day: string;
  grader_version_id: string;
  source: string;
  /** The targets' prompt version or model; '' when unsplit or unknown. */
  split_key: string;
  bucket: string;
  n: number;
  scored: number;
  total: number;
  /** The sum of the normalized (0..1) scores, each on its version's config. */
  norm_sum: number;
  cost_pico_usd: number | null;
}

/** The (grader, split, day) already summed into score_day, days without scores included. */
export interface ScoreDayDoneTable {
  grader_id: string;
  split: string;
  day: string;
}

/** A register: an edit changes the row. Filter and sampling in `body_json`. */
export interface ScoringRuleTable {
  id: string;
  name: string;
  scorecard_id: string;
  body_json: JsonText;
  /** Pico-dollars a UTC day of judge calls; NULL: no limit. BIGINT on Postgres. */
  daily_budget_pico_usd: number | null;
  enabled: Flag;
  archived: Flag;
  created_at: IsoTime;
  updated_at: IsoTime;
}

/** How far a rule walked interactions in (created_at, id) order, and what it did there. */
export interface ScoringRuleProgressTable {
  rule_id: string;
  /** When the walk (re)started: interactions from before it are not the rule's. */
  started_at: IsoTime;
  after_created_at: IsoTime;
  after_id: string;
  scored: number;
  skipped: number;
  budget_skipped: number;
  /** A rescore's walk: after .. through inclusive; all NULL when none is pending. */
  rescore_after_created_at: IsoTime | null;
  rescore_after_id: string | null;
  rescore_through_created_at: IsoTime | null;
  rescore_through_id: string | null;
  rescored: number;
  updated_at: IsoTime;
}

/** Judge spend of a rule on one UTC day (`2026-12-07`), in pico-dollars. */
export interface ScoringRuleSpendTable {
  rule_id: string;
  day: string;
  judge_pico_usd: number;
  judge_calls: number;
}

/** A frozen set of real traffic (or a dataset's cases) that backtests replay. */
export interface BacktestSetTable {
  id: string;
  name: string;
  description: string;
  /** interactions | dataset */
  source: string;
  definition_json: JsonText;
  item_count: number;
  strata_json: JsonText;
  calls: number;
  input_tokens: number;
  output_tokens: number;
  archived: Flag;
  created_at: IsoTime;
}

/** One frozen item: everything a replay needs, kept whatever retention purges. */
export interface BacktestItemTable {
  set_id: string;
  position: number;
  interaction_id: string | null;
  case_id: string | null;
  stratum: string;
  frozen_json: JsonText;
  occurred_at: IsoTime | null;
}

export interface BacktestRunTable {
  id: string;
  name: string;
  set_id: string;
  status: string;
  /** Baseline and candidates as given and resolved (prompt version ids, labels). */
  spec_json: JsonText;
  scorecard_pin_json: JsonText;
  concurrency: number;
  item_count: number;
  estimate_json: JsonText;
  /** Kept once the run completes; summed from results while it runs. */
  verdicts_json: JsonText | null;
  schedule_id: string | null;
  created_at: IsoTime;
  started_at: IsoTime | null;
  finished_at: IsoTime | null;
  error: string | null;
}

/** One side (0 = baseline, 1.. = candidates) of one item of a run, graded. */
export interface BacktestResultTable {
  run_id: string;
  position: number;
  side: number;
  /** ok | error */
  status: string;
  output: string | null;
  error: string | null;
  /** The scorecard's weighted mean 0..1; NULL when unscored. */
  score: number | null;
  /** pass | fail | incomplete; NULL when the call failed. */
  outcome: string | null;
  reason: string | null;
  graders_json: JsonText;
  cost_pico_usd: number | null;
  judge_cost_pico_usd: number;
  latency_ms: number | null;
  input_tokens: number;
  output_tokens: number;
  span_ids_json: JsonText;
  created_at: IsoTime;
}

export interface BacktestScheduleTable {
  id: string;
  name: string;
  set_id: string;
  spec_json: JsonText;
  /** daily | weekly */
  cadence: string;
  /** HH:MM, UTC */
  at_time: string;
  weekday: number | null;
  alert_below: number;
  concurrency: number;
  enabled: Flag;
  next_run_at: IsoTime | null;
  last_run_id: string | null;
  created_at: IsoTime;
}

/** One recomputation of stored span costs and what it changed (main/tracing/repricing/). */
export interface CostRecomputationTable {
  id: string;
  requested_at: IsoTime;
  finished_at: IsoTime;
  /** completed | failed */
  status: string;
  error: string | null;
  from_at: IsoTime;
  to_at: IsoTime;
  filter_json: JsonText;
  provider: string | null;
  model: string | null;
  prices_json: JsonText;
  spans_examined: number;
  spans_changed: number;
  traces_updated: number;
  cost_before_pico: number | null;
  cost_after_pico: number | null;
  unpriced_before: number;
  unpriced_after: number;
  lost_price: number;
  gained_price: number;
}

/** Team server accounts (migration 0019 / pg 0013; main/auth). One 'default' workspace for now. */
export interface WorkspaceTable {
  id: string;
  name: string;
  /** The first admin, set once by first-run setup (its conditional UPDATE is the race guard). */
  setup_user_id: string | null;
  created_at: IsoTime;
}

export interface AppUserTable {
  id: string;
  email: string;
  name: string;
  /** argon2id PHC string; never the password. */
  password_hash: string;
  disabled: Flag;
  created_at: IsoTime;
  updated_at: IsoTime;
  last_login_at: IsoTime | null;
}

export interface WorkspaceMemberTable {
  workspace_id: string;
  user_id: string;
  /** viewer | editor | admin */
  role: string;
  created_at: IsoTime;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  /** sha256 (hex) of the cookie's secret; the secret itself is never stored. */
  secret_hash: string;
  created_at: IsoTime;
  expires_at: IsoTime;
  last_seen_at: IsoTime;
  client_address: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  /** The token's first characters, for display. */
  prefix: string;
  /** sha256 (hex) of the whole token. */
  secret_hash: string;
  role: string;
  created_at: IsoTime;
  expires_at: IsoTime | null;
  last_used_at: IsoTime | null;
  revoked_at: IsoTime | null;
}

export interface AuditLogTable {
  id: string;
  at: IsoTime;
  user_id: string | null;
  user_email: string | null;
  /** session | token | anonymous */
  via: string;
  channel: string;
  target: string | null;
  ok: Flag;
  error_code: string | null;
  client_address: string | null;
}

export interface DB {
  instance: InstanceTable;
  span: SpanTable;
  trace: TraceTable;
  interaction: InteractionTable;
  interaction_feedback: InteractionFeedbackTable;
  llm_cache: LlmCacheTable;
  model_price: ModelPriceTable;
  prompt: PromptTable;
  prompt_version: PromptVersionTable;
  prompt_component_ref: PromptComponentRefTable;
  prompt_label: PromptLabelTable;
  prompt_label_event: PromptLabelEventTable;
  playground_run: PlaygroundRunTable;
  dataset: DatasetTable;
  test_case: TestCaseTable;
  eval_run: EvalRunTable;
  eval_run_case: EvalRunCaseTable;
  eval_result: EvalResultTable;
  backtest_set: BacktestSetTable;
  backtest_item: BacktestItemTable;
  backtest_run: BacktestRunTable;
  backtest_result: BacktestResultTable;
  backtest_schedule: BacktestScheduleTable;
  eval_run_summary: EvalRunSummaryTable;
  grader: GraderTable;
  grader_version: GraderVersionTable;
  scorecard: ScorecardTable;
  scorecard_version: ScorecardVersionTable;
  score: ScoreTable;
  alert_rule: AlertRuleTable;
  alert: AlertTable;
  webhook: WebhookTable;
  webhook_delivery: WebhookDeliveryTable;
  review_queue: ReviewQueueTable;
  review_item: ReviewItemTable;
  score_day: ScoreDayTable;
  score_day_done: ScoreDayDoneTable;
  scoring_rule: ScoringRuleTable;
  scoring_rule_progress: ScoringRuleProgressTable;
  scoring_rule_spend: ScoringRuleSpendTable;
  cost_recomputation: CostRecomputationTable;
  workspace: WorkspaceTable;
  app_user: AppUserTable;
  workspace_member: WorkspaceMemberTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
}

/** Every table and its columns, in the order the schema test compares them. */
export type TableName = keyof DB;

/**
 * The columns of every table at run time. The mapped type makes the compiler hold this list
 * to the interfaces above (a missing or extra column fails to compile); the schema tests hold
 * both dialects' databases to it.
 */
export const COLUMNS: { readonly [T in TableName]: Readonly<Record<keyof DB[T], true>> } = {
  instance: {
    id: true,
    created_at: true,
  },
  span: {
    id: true,
    trace_id: true,
    parent_id: true,
    kind: true,
    name: true,
    source: true,
    provider: true,
    model: true,
    status: true,
    error_class: true,
    error_message: true,
    request_json: true,
    response_json: true,
    payload_z: true,
    input_tokens: true,
    output_tokens: true,
    cache_read_tokens: true,
    cache_write_tokens: true,
    reasoning_tokens: true,
    cost_pico_usd: true,
    latency_ms: true,
    ttft_ms: true,
    attempts: true,
    cache_hit: true,
    provider_request_id: true,
    attributes_json: true,
    session_id: true,
    user_id: true,
    tags_json: true,
    prompt_version_id: true,
    rerun_of: true,
    started_at: true,
    ended_at: true,
  },
  trace: {
    id: true,
    name: true,
    source: true,
    root_span_id: true,
    started_at: true,
    ended_at: true,
    latency_ms: true,
    span_count: true,
    llm_count: true,
    error_count: true,
    input_tokens: true,
    output_tokens: true,
    cost_pico_usd: true,
    unpriced_count: true,
    provider: true,
    model: true,
    prompt_version_id: true,
    session_id: true,
    user_id: true,
    tags_json: true,
    input_preview: true,
    output_preview: true,
  },
  interaction: {
    id: true,
    type: true,
    trace_id: true,
    input_json: true,
    output_json: true,
    session_id: true,
    user_id: true,
    tags_json: true,
    metadata_json: true,
    prompt_version_id: true,
    span_ids_json: true,
    created_at: true,
  },
  interaction_feedback: {
    id: true,
    interaction_id: true,
    score: true,
    label: true,
    comment: true,
    user_id: true,
    created_at: true,
  },
  llm_cache: {
    key: true,
    provider: true,
    model: true,
    response_json: true,
    created_at: true,
    expires_at: true,
  },
  model_price: {
    provider: true,
    model: true,
    input_pico: true,
    output_pico: true,
    cache_read_pico: true,
    cache_write_pico: true,
    updated_at: true,
  },
  prompt: {
    id: true,
    name: true,
    kind: true,
    description: true,
    tags_json: true,
    created_at: true,
    updated_at: true,
    deleted_at: true,
  },
  prompt_version: {
    id: true,
    prompt_id: true,
    major: true,
    minor: true,
    parent_version_id: true,
    content_json: true,
    content_hash: true,
    author: true,
    message: true,
    created_at: true,
  },
  prompt_component_ref: {
    version_id: true,
    position: true,
    component_prompt_id: true,
    component_version_id: true,
    component_label: true,
  },
  prompt_label: {
    prompt_id: true,
    label: true,
    version_id: true,
    updated_at: true,
  },
  prompt_label_event: {
    id: true,
    prompt_id: true,
    label: true,
    from_version_id: true,
    to_version_id: true,
    actor: true,
    at: true,
  },
  playground_run: {
    id: true,
    created_at: true,
    prompt_name: true,
    prompt_version: true,
    variables_json: true,
    messages_json: true,
    columns_json: true,
  },
  dataset: {
    id: true,
    name: true,
    interaction_type: true,
    description: true,
    tags_json: true,
    source_format: true,
    created_at: true,
    updated_at: true,
    deleted_at: true,
  },
  test_case: {
    id: true,
    dataset_id: true,
    position: true,
    description: true,
    vars_json: true,
    expected_json: true,
    matchers_json: true,
    tags_json: true,
    source_span_id: true,
    revision: true,
    created_at: true,
    updated_at: true,
    deleted_at: true,
  },
  eval_run: {
    id: true,
    group_id: true,
    name: true,
    dataset_id: true,
    prompt_version_id: true,
    prompt_label: true,
    frozen_prompt_json: true,
    interaction_type: true,
    provider: true,
    model: true,
    parameters_json: true,
    status: true,
    concurrency: true,
    repeat: true,
    bypass_cache: true,
    total_cases: true,
    created_at: true,
    started_at: true,
    finished_at: true,
    error: true,
  },
  eval_run_case: {
    run_id: true,
    case_key: true,
    position: true,
    revision: true,
    vars_json: true,
    expected_json: true,
    matchers_json: true,
  },
  eval_result: {
    id: true,
    run_id: true,
    case_key: true,
    repeat_index: true,
    status: true,
    score: true,
    output: true,
    matchers_json: true,
    latency_ms: true,
    input_tokens: true,
    output_tokens: true,
    cost_pico_usd: true,
    judge_cost_pico_usd: true,
    cached: true,
    span_id: true,
    error_code: true,
    error_message: true,
    created_at: true,
  },
  backtest_set: {
    id: true,
    name: true,
    description: true,
    source: true,
    definition_json: true,
    item_count: true,
    strata_json: true,
    calls: true,
    input_tokens: true,
    output_tokens: true,
    archived: true,
    created_at: true,
  },
  backtest_item: {
    set_id: true,
    position: true,
    interaction_id: true,
    case_id: true,
    stratum: true,
    frozen_json: true,
    occurred_at: true,
  },
  backtest_run: {
    id: true,
    name: true,
    set_id: true,
    status: true,
    spec_json: true,
    scorecard_pin_json: true,
    concurrency: true,
    item_count: true,
    estimate_json: true,
    verdicts_json: true,
    schedule_id: true,
    created_at: true,
    started_at: true,
    finished_at: true,
    error: true,
  },
  backtest_result: {
    run_id: true,
    position: true,
    side: true,
    status: true,
    output: true,
    error: true,
    score: true,
    outcome: true,
    reason: true,
    graders_json: true,
    cost_pico_usd: true,
    judge_cost_pico_usd: true,
    latency_ms: true,
    input_tokens: true,
    output_tokens: true,
    span_ids_json: true,
    created_at: true,
  },
  backtest_schedule: {
    id: true,
    name: true,
    set_id: true,
    spec_json: true,
    cadence: true,
    at_time: true,
    weekday: true,
    alert_below: true,
    concurrency: true,
    enabled: true,
    next_run_at: true,
    last_run_id: true,
    created_at: true,
  },
  eval_run_summary: {
    run_id: true,
    results: true,
    scored: true,
    errors: true,
    mean_score: true,
    pass_rate: true,
    cost_pico_usd: true,
    priced_results: true,
    unpriced_results: true,
    latency_p50_ms: true,
    latency_p95_ms: true,
    computed_at: true,
  },
  grader: {
    id: true,
    name: true,
    description: true,
    kind: true,
    built_in: true,
    archived: true,
    created_at: true,
  },
  grader_version: {
    id: true,
    grader_id: true,
    version: true,
    definition_json: true,
    score_config_json: true,
    rubric: true,
    created_at: true,
  },
  scorecard: {
    id: true,
    name: true,
    description: true,
    archived: true,
    created_at: true,
  },
  scorecard_version: {
    id: true,
    scorecard_id: true,
    version: true,
    body_json: true,
    created_at: true,
  },
  score: {
    id: true,
    target_type: true,
    target_id: true,
    grader_id: true,
    grader_version_id: true,
    name: true,
    value: true,
    level: true,
    reason: true,
    source: true,
    cost_pico_usd: true,
    author: true,
    idempotency_key: true,
    created_at: true,
  },
  alert_rule: {
    id: true,
    name: true,
    metric: true,
    scorecard_id: true,
    condition_json: true,
    window_minutes: true,
    filter_json: true,
    min_samples: true,
    webhook_ids_json: true,
    enabled: true,
    firing: true,
    last_evaluated_at: true,
    last_value: true,
    last_error: true,
    created_at: true,
    updated_at: true,
  },
  alert: {
    id: true,
    rule_id: true,
    rule_name: true,
    metric: true,
    condition_json: true,
    value: true,
    previous_value: true,
    window_from: true,
    window_to: true,
    summary: true,
    interaction_ids_json: true,
    trace_ids_json: true,
    fired_at: true,
    read_at: true,
  },
  webhook: {
    id: true,
    name: true,
    format: true,
    cipher: true,
    url_cipher: true,
    secret_cipher: true,
    url_hint: true,
    created_at: true,
  },
  webhook_delivery: {
    id: true,
    alert_id: true,
    webhook_id: true,
    webhook_name: true,
    attempts_json: true,
    delivered: true,
    final_error: true,
    created_at: true,
    claimed_at: true,
    finished_at: true,
  },
  review_queue: {
    id: true,
    name: true,
    grader_id: true,
    filled_by: true,
    rule_json: true,
    instructions: true,
    archived: true,
    created_at: true,
  },
  review_item: {
    id: true,
    queue_id: true,
    target_id: true,
    position: true,
    assignee: true,
    state: true,
    completed_at: true,
    score_id: true,
  },
  score_day: {
    grader_id: true,
    split: true,
    day: true,
    grader_version_id: true,
    source: true,
    split_key: true,
    bucket: true,
    n: true,
    scored: true,
    total: true,
    norm_sum: true,
    cost_pico_usd: true,
  },
  score_day_done: {
    grader_id: true,
    split: true,
    day: true,
  },
  scoring_rule: {
    id: true,
    name: true,
    scorecard_id: true,
    body_json: true,
    daily_budget_pico_usd: true,
    enabled: true,
    archived: true,
    created_at: true,
    updated_at: true,
  },
  scoring_rule_progress: {
    rule_id: true,
    started_at: true,
    after_created_at: true,
    after_id: true,
    scored: true,
    skipped: true,
    budget_skipped: true,
    rescore_after_created_at: true,
    rescore_after_id: true,
    rescore_through_created_at: true,
    rescore_through_id: true,
    rescored: true,
    updated_at: true,
  },
  scoring_rule_spend: {
    rule_id: true,
    day: true,
    judge_pico_usd: true,
    judge_calls: true,
  },
  cost_recomputation: {
    id: true,
    requested_at: true,
    finished_at: true,
    status: true,
    error: true,
    from_at: true,
    to_at: true,
    filter_json: true,
    provider: true,
    model: true,
    prices_json: true,
    spans_examined: true,
    spans_changed: true,
    traces_updated: true,
    cost_before_pico: true,
    cost_after_pico: true,
    unpriced_before: true,
    unpriced_after: true,
    lost_price: true,
    gained_price: true,
  },
  workspace: { id: true, name: true, setup_user_id: true, created_at: true },
  app_user: {
    id: true,
    email: true,
    name: true,
    password_hash: true,
    disabled: true,
    created_at: true,
    updated_at: true,
    last_login_at: true,
  },
  workspace_member: { workspace_id: true, user_id: true, role: true, created_at: true },
  user_session: {
    id: true,
    user_id: true,
    secret_hash: true,
    created_at: true,
    expires_at: true,
    last_seen_at: true,
    client_address: true,
  },
  api_token: {
    id: true,
    user_id: true,
    name: true,
    prefix: true,
    secret_hash: true,
    role: true,
    created_at: true,
    expires_at: true,
    last_used_at: true,
    revoked_at: true,
  },
  audit_log: {
    id: true,
    at: true,
    user_id: true,
    user_email: true,
    via: true,
    channel: true,
    target: true,
    ok: true,
    error_code: true,
    client_address: true,
  },
};
