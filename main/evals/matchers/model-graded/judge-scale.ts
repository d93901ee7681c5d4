import { z } from 'zod';

/**
 * The scale an LLM judge grades on: `pass-fail`, or graded levels such as [100, 65, 35, 0], each
 * optionally with a description of what earns it. A grade is normalized to 0..1 between the
 * lowest and highest level.
 */
/** A level is a grade, or {grade, description}; both read as the object form. */
const levelSchema = z.preprocess(
  (v) => (typeof v === 'number' ? { grade: v } : v),
  z.strictObject(
    {
      grade: z.number({ error: 'grade must be a number' }),
      description: z.string({ error: 'description must be a string' }).optional(),
    },
    { error: 'each level must be a number or {grade, description}' },
  ),
);

const gradedScaleSchema = z
  .array(levelSchema)
  .min(2, { error: 'a graded scale needs at least 2 levels' })
  .superRefine((levels, ctx) => {
    const grades = levels.map((level) => level.grade);
    grades.forEach((grade, i) => {
      if (grades.indexOf(grade) !== i) {
        ctx.addIssue({ code: 'custom', path: [i], message: `grade ${grade} appears twice` });
      }
    });
  });

export interface Level {
  readonly grade: number;
  readonly description?: string | undefined;
}

const SCALE_SHAPE = 'scale must be "pass-fail" or a list of grades such as [100, 65, 35, 0]';

/**
 * Branches by the input's shape instead of a zod union, so an error inside a level is reported
 * at that level (`scale.1.grade`) rather than as "no union member matched".
 */
export const scaleSchema = z
  .unknown()
  .transform((value, ctx): 'pass-fail' | Level[] => {
    if (value === 'pass-fail') return 'pass-fail';
    if (!Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: SCALE_SHAPE });
      return z.NEVER;
    }
    const parsed = gradedScaleSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
    return z.NEVER;
  })
  .default('pass-fail');

export type Scale = z.output<typeof scaleSchema>;

/** Levels from best to worst. */
export function levelsOf(scale: readonly Level[]): Level[] {
  return [...scale].sort((a, b) => b.grade - a.grade);
}

export function normalizeGrade(grade: number, levels: readonly Level[]): number {
  const top = levels[0]?.grade ?? 1;
  const bottom = levels[levels.length - 1]?.grade ?? 0;
  return top === bottom ? 1 : (grade - bottom) / (top - bottom);
}
