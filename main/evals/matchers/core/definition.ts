import { z } from 'zod';
import type { MatchContext, MatchSubject } from '../../types';

/**
 * The contract every matcher module implements. A matcher is one module exporting one
 * definition; the registry validates specs with `schema`, runs `evaluate`, and then applies the
 * parts every matcher shares (threshold, `not`, crash handling), so matchers stay small.
 */

/** The context the runner passes; `defaultJudge` lets llm-judge matchers omit provider/model. */
export interface MatcherContext extends MatchContext {
  readonly defaultJudge?: { readonly provider: string; readonly model: string };
}

/** Fields every parsed matcher has, defaults filled in. */
export interface CommonFields {
  readonly type: string;
  readonly weight: number;
  readonly not: boolean;
  readonly threshold?: number | undefined;
  readonly metric?: string | undefined;
}

/** What `evaluate` returns. The registry turns it into the public MatchResult. */
export interface MatcherOutcome {
  /** 0 to 1, before `not` is applied. */
  readonly score: number;
  /** States facts about the output; the registry adds the threshold comparison and `NOT: `. */
  readonly reason: string;
  /**
   * Set when the matcher decides pass/fail itself (binary matchers, an explicit verdict from a
   * custom scorer). Left out, the registry decides with `score >= threshold`.
   */
  readonly pass?: boolean;
  /**
   * The matcher could not judge (no judge model, unpriced call, sandbox timeout). Such a result
   * is unscored whatever `not` says: "not similar" must not pass because no embedding model was
   * set, and a case it leaves without a verdict is never counted as a pass.
   */
  readonly indeterminate?: boolean;
  readonly costPicoUsd?: number;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface MatcherDefinition<Spec extends CommonFields = CommonFields> {
  /** Must equal the schema's `type` literal (the compiler checks it). */
  readonly type: Spec['type'];
  /** Other names for this matcher, each with the fields it implies (`icontains` sets ignoreCase). */
  readonly aliases?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** One line for pickers and docs. */
  readonly description: string;
  /** Binary matchers score 0 or 1 and reject `threshold`; graded ones pass at `threshold`. */
  readonly binary: boolean;
  /** It calls a model (a judge, an embedding): the runner then scores within the case's slot. */
  readonly callsModel?: boolean;
  readonly defaultThreshold: number;
  /** Validates the whole spec (common fields included) and fills defaults. */
  readonly schema: z.ZodType<Spec>;
  // Method syntax on purpose: the registry stores definitions of many Spec types in one list.
  evaluate(spec: Spec, subject: MatchSubject, ctx: MatcherContext): Promise<MatcherOutcome>;
}

/** Identity helper that infers Spec from the schema, so modules need no type annotations. */
export function defineMatcher<Spec extends CommonFields>(
  definition: MatcherDefinition<Spec>,
): MatcherDefinition<Spec> {
  return definition;
}

const weightSchema = z
  .number({ error: 'weight must be a number' })
  .min(0, { error: (issue) => `weight must be 0 or more (got ${String(issue.input)})` })
  .default(1);

const thresholdSchema = z
  .number({ error: 'threshold must be a number from 0 to 1' })
  .min(0, { error: (issue) => `threshold must be from 0 to 1 (got ${String(issue.input)})` })
  .max(1, { error: (issue) => `threshold must be from 0 to 1 (got ${String(issue.input)})` });

function commonShape<const Type extends string>(type: Type) {
  return {
    type: z.literal(type),
    weight: weightSchema,
    not: z.boolean({ error: 'not must be true or false' }).default(false),
    /** A name to report this matcher's score under (promptfoo's `metric`). */
    metric: z.string().min(1, { error: 'metric must not be empty' }).optional(),
  };
}

/** Schema for a pass/fail matcher: a threshold would be silently meaningless, so it is refused. */
export function binarySchema<const Type extends string, Shape extends z.ZodRawShape>(
  type: Type,
  shape: Shape,
) {
  return z.strictObject({
    ...commonShape(type),
    threshold: z
      .undefined({ error: `${type} is pass/fail, so threshold has no effect; remove it` })
      .optional(),
    ...shape,
  });
}

/** Schema for a matcher that scores 0..1 and passes at `threshold`. */
export function gradedSchema<const Type extends string, Shape extends z.ZodRawShape>(
  type: Type,
  shape: Shape,
) {
  return z.strictObject({ ...commonShape(type), threshold: thresholdSchema.optional(), ...shape });
}

/** A non-empty string field with a message that names the field. */
export function text(field: string) {
  return z
    .string({ error: `${field} must be a string` })
    .min(1, { error: `${field} must not be empty` });
}

/** Shorthand for an outcome with pass decided by the matcher. */
export function verdict(
  pass: boolean,
  reason: string,
  details?: Readonly<Record<string, unknown>>,
): MatcherOutcome {
  return details === undefined
    ? { pass, score: pass ? 1 : 0, reason }
    : { pass, score: pass ? 1 : 0, reason, details };
}

/** An outcome for "could not judge": unscored, and `not` leaves it unscored. */
export function cannotJudge(
  reason: string,
  details?: Readonly<Record<string, unknown>>,
): MatcherOutcome {
  return { pass: false, score: 0, reason, indeterminate: true, ...(details ? { details } : {}) };
}

/** The expected text: the matcher's own value, else the case's expected output when it is text. */
export function expectedText(value: string | undefined, subject: MatchSubject): string | undefined {
  if (value !== undefined) return value;
  if (typeof subject.expected === 'string') return subject.expected;
  if (typeof subject.expected === 'number' || typeof subject.expected === 'boolean') {
    return String(subject.expected);
  }
  return undefined;
}

export const NO_EXPECTED =
  'no expected value: set value on the matcher or an expected output on the test case';
