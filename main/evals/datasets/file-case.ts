import { z } from 'zod';
import type { CaseDraft, JsonValue } from './case-draft';
import { problemAt, type CaseLocator } from './check-cases';
import type { CaseProblem, PathSegment } from './problems';

/**
 * One case as YAML `test_cases` entries and JSONL lines write it:
 *
 *   - description: refund within 30 days   # optional
 *     input: Can I return my order?        # → vars.input (or give vars, not both)
 *     vars: { locale: en-GB }
 *     expected: Yes, within 30 days.       # any JSON value; null or absent: none
 *     matchers: [{ type: contains, value: 30 days }]
 *     tags: [refunds]
 *
 * Unknown keys are refused (a misspelt `matcher:` must not silently drop checks).
 */
const fileCaseSchema = z
  .object({
    description: z.string().optional(),
    input: z.union([z.string(), z.number(), z.boolean()]).optional(),
    vars: z.record(z.string(), z.unknown()).optional(),
    expected: z.unknown().optional(),
    matchers: z.array(z.unknown()).optional(),
    tags: z.array(z.string()).optional(),
  })
  .strict();

/**
 * A variable as a template sees it: strings as they are, numbers and booleans as written, lists
 * and maps as JSON text (for templates that embed structured data). null is refused: "no
 * value" is said by leaving the variable out.
 */
export function varText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return null;
  return JSON.stringify(value) ?? null;
}

/** Variables from a file's map, coerced to text; problems name each bad one. */
export function fileVars(
  raw: Readonly<Record<string, unknown>>,
  at: CaseLocator,
  field: readonly PathSegment[],
): { vars: Record<string, string>; problems: CaseProblem[] } {
  const vars: Record<string, string> = {};
  const problems: CaseProblem[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const text = varText(value);
    // An own "__proto__" key (JSON.parse makes one) would set a prototype, not a variable.
    if (name === '__proto__') problems.push(problemAt(at, [...field, name], 'is a reserved name'));
    else if (text === null)
      problems.push(problemAt(at, [...field, name], 'has no value; use "" or leave it out'));
    else vars[name] = text;
  }
  return { vars, problems };
}

export function fileCase(
  raw: unknown,
  at: CaseLocator,
): { ok: true; draft: CaseDraft } | { ok: false; problems: CaseProblem[] } {
  const parsed = fileCaseSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
        // An unknown key is best shown on its own line, and named.
        if (issue.code === 'unrecognized_keys')
          return problemAt(
            at,
            [...path, issue.keys[0]!],
            `unknown key "${issue.keys.join('", "')}"`,
          );
        const message =
          path.length === 0 && issue.code === 'invalid_type'
            ? 'a case must be a mapping (description, input or vars, expected, matchers, tags)'
            : issue.message;
        return problemAt(at, path, message);
      }),
    };
  }
  const entry = parsed.data;
  const { vars, problems } = fileVars(entry.vars ?? {}, at, ['vars']);
  if (entry.input !== undefined) {
    if (Object.hasOwn(vars, 'input'))
      problems.push(problemAt(at, ['input'], 'give input or vars.input, not both'));
    vars.input = String(entry.input);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    draft: {
      description: entry.description ?? '',
      vars,
      expected: entry.expected === null ? undefined : (entry.expected as JsonValue | undefined),
      matchers: entry.matchers ?? [],
      tags: entry.tags ?? [],
    },
  };
}

/** A case written back in the same shape: `input` when it is the only variable. */
export function toFileCase(draft: CaseDraft): Record<string, unknown> {
  const names = Object.keys(draft.vars);
  const onlyInput = names.length === 1 && names[0] === 'input';
  return {
    ...(draft.description === '' ? {} : { description: draft.description }),
    ...(onlyInput ? { input: draft.vars.input } : { vars: { ...draft.vars } }),
    ...(draft.expected === undefined ? {} : { expected: draft.expected }),
    ...(draft.matchers.length === 0 ? {} : { matchers: draft.matchers }),
    ...(draft.tags.length === 0 ? {} : { tags: draft.tags }),
  };
}
