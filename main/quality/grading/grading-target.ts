/**
 * What a grader reads of the thing it scores (an interaction, a span, an eval result), in one
 * shape whatever the source. A field is null when the source has no such thing: a grader that
 * needs it is then unscored, never handed a stand-in (an empty reference would make every
 * answer "wrong"; a missing cost is not a cost of 0).
 */
export interface GradingTarget {
  /** The user's input as text (the last user turn, or the rendered variables). */
  readonly input: string | null;
  /** The model's reply as text; null when there is none (a failed call, a span without output). */
  readonly output: string | null;
  /** The expected or reference answer: text or structured data; null when there is none. */
  readonly expected: unknown;
  /** Retrieved documents the answer should rest on; null (or empty) when nothing was retrieved. */
  readonly context: readonly string[] | null;
  /** The instructions the model was given (its system prompt); null when there were none. */
  readonly instructions: string | null;
  readonly latencyMs: number | null;
  /** The target's own cost; null when unpriced. */
  readonly costUsd: number | null;
  /** Tool calls the model made; null when the source does not say. */
  readonly toolCallCount: number | null;
  /** Template variables, for matcher values that reference them (`{{answer}}`). */
  readonly vars: Readonly<Record<string, string>>;
}

/** A target with every field absent but those given: for adapters and tests. */
export function gradingTarget(fields: Partial<GradingTarget>): GradingTarget {
  return {
    input: null,
    output: null,
    expected: null,
    context: null,
    instructions: null,
    latencyMs: null,
    costUsd: null,
    toolCallCount: null,
    vars: {},
    ...fields,
  };
}

/** Whether the target has a reference answer (JSON null means none, as in test cases). */
export function hasExpected(target: GradingTarget): boolean {
  return target.expected !== null && target.expected !== undefined;
}

/** Reference answer as a judge or a scorer reads it: text as is, data as indented JSON. */
export function expectedText(target: GradingTarget): string | null {
  if (!hasExpected(target)) return null;
  return typeof target.expected === 'string'
    ? target.expected
    : JSON.stringify(target.expected, null, 2);
}

/** Retrieved documents, numbered so a judge can cite them; null when there are none. */
export function contextText(target: GradingTarget): string | null {
  if (target.context === null || target.context.length === 0) return null;
  return target.context.map((doc, i) => `[${i + 1}] ${doc}`).join('\n\n');
}
