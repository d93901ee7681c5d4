import type { Usage } from '../llm/types';

/** What a test case holds: the inputs a prompt is rendered with, and what is expected back. */
export interface TestCaseData {
  /** Template variables (`vars` in promptfoo and YAML suites); `input` is stored as vars.input. */
  readonly vars: Readonly<Record<string, string>>;
  /** Expected output: a string, or structured data for JSON / field matchers. */
  readonly expected?: unknown;
  readonly matchers: readonly MatcherSpec[];
  readonly tags?: readonly string[];
}

/** A matcher as written in a suite or dataset (validated by the matcher's own schema). */
export interface MatcherSpec {
  readonly type: string;
  /** Weight in the case's weighted score (default 1). */
  readonly weight?: number;
  /** Score at or above which the matcher passes (default depends on the matcher; 1 for exact ones). */
  readonly threshold?: number;
  /** Inverts pass/fail (and the score becomes 1 − score). */
  readonly not?: boolean;
  /** Matcher-specific settings (value, pattern, schema, rubric, …). */
  readonly [key: string]: unknown;
}

/** The output a matcher judges: the model's reply plus what it cost to get it. */
export interface MatchSubject {
  readonly text: string;
  /** `text` parsed as JSON by the extraction strategy, when it parsed. */
  readonly json?: unknown;
  readonly expected?: unknown;
  readonly vars: Readonly<Record<string, string>>;
  readonly latencyMs: number;
  readonly costPicoUsd: number | null;
  readonly usage: Usage;
}

export interface MatchResult {
  readonly pass: boolean;
  /** 0 to 1. */
  readonly score: number;
  /** Why, in a sentence a person can act on. */
  readonly reason: string;
  /**
   * The matcher could not judge (no judge or embedding model, a judge call that failed, an
   * unpriced call, a scorer timeout, an invalid spec): `pass` is false, but this is no verdict
   * on the output, and the case is unscored unless another matcher failed it.
   */
  readonly unscored?: boolean;
  /** Cost of judging (LLM judge, embeddings), kept apart from the prompt's cost. */
  readonly costPicoUsd?: number;
  /** Matcher-specific details (a confusion-matrix label, per-field results, …). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Services a matcher may use: an LLM judge calls models through the call path. */
export interface MatchContext {
  readonly signal?: AbortSignal;
  readonly judge?: (request: {
    provider: string;
    model: string;
    system: string;
    user: string;
  }) => Promise<{ text: string; costPicoUsd: number | null }>;
  readonly embed?: (
    texts: readonly string[],
  ) => Promise<{ vectors: number[][]; costPicoUsd: number | null }>;
}
