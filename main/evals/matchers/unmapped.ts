import { z } from 'zod';
import { binarySchema, cannotJudge, defineMatcher, text } from './core/definition';

const schema = binarySchema('unmapped', {
  /** The assertion as the other tool named it (`python`, `rouge-n`, …). */
  source: text('source'),
  /** Why Assay cannot run it. */
  reason: z.string({ error: 'reason must be a string' }).default(''),
});

/**
 * A stand-in for an assertion imported from another tool (promptfoo) that Assay cannot run,
 * kept only when the import was told to go on (`--skip-unmapped`). It never judges, so its
 * case is unscored rather than passed on the checks that did run; replacing it with a real
 * matcher gives the case its verdict back.
 */
export const unmappedMatcher = defineMatcher({
  type: 'unmapped',
  description: 'An imported assertion Assay cannot run: its case stays unscored.',
  binary: true,
  defaultThreshold: 1,
  schema,
  async evaluate(spec) {
    const why = spec.reason === '' ? '' : `: ${spec.reason}`;
    return cannotJudge(`"${spec.source}" was imported but cannot run in Assay${why}`);
  },
});
