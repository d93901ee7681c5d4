/** What a strategy makes of a raw model output before matchers see it. */
export interface PreparedOutput {
  /** The text matchers judge (for classification: the bare label). */
  readonly text: string;
  /** The output parsed as JSON, when the strategy parses JSON and it parsed. */
  readonly json?: unknown;
  /** Something a person should know about the preparation (JSON taken from a fence, parse failure). */
  readonly note?: string;
}

/** How an interaction type's outputs are prepared for matching. */
export interface OutputStrategy<Type extends string = string> {
  readonly type: Type;
  readonly description: string;
  prepare(output: string): PreparedOutput;
}
