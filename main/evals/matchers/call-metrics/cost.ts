import { z } from 'zod';
import { formatUsd, PICO_PER_USD } from '../../../../shared/money';
import { binarySchema, cannotJudge, defineMatcher, verdict } from '../core/definition';

const schema = binarySchema('cost', {
  /** Maximum cost of the prompt call in US dollars (0.002 = a fifth of a cent). */
  maxUsd: z
    .number({ error: 'maxUsd must be a number of US dollars' })
    .min(0, { error: 'maxUsd must be 0 or more' }),
});

export const costMatcher = defineMatcher({
  type: 'cost',
  description: 'The prompt call cost at most maxUsd dollars.',
  binary: true,
  defaultThreshold: 1,
  schema,
  async evaluate(spec, subject) {
    // An unpriced model has no known cost; passing it would hide that the check never ran.
    if (subject.costPicoUsd === null) {
      return cannotJudge(
        'unpriced: the model has no price in the catalog, so its cost cannot be checked',
      );
    }
    const max = Math.round(spec.maxUsd * PICO_PER_USD);
    const pass = subject.costPicoUsd <= max;
    return verdict(
      pass,
      `cost ${formatUsd(subject.costPicoUsd)} is ${pass ? 'within' : 'over'} the maximum of ${formatUsd(max)}`,
      { costPicoUsd: subject.costPicoUsd, maxPicoUsd: max },
    );
  },
});
