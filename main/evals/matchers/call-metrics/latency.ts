import { z } from 'zod';
import { binarySchema, defineMatcher, verdict } from '../core/definition';

const schema = binarySchema('latency', {
  /** Maximum latency of the prompt call in milliseconds. */
  maxMs: z
    .number({ error: 'maxMs must be a number of milliseconds' })
    .min(0, { error: 'maxMs must be 0 or more' }),
});

export const latencyMatcher = defineMatcher({
  type: 'latency',
  description: 'The prompt call took at most maxMs milliseconds.',
  binary: true,
  defaultThreshold: 1,
  schema,
  async evaluate(spec, subject) {
    const pass = subject.latencyMs <= spec.maxMs;
    return verdict(
      pass,
      `latency ${Math.round(subject.latencyMs)} ms is ${pass ? 'within' : 'over'} the maximum of ${spec.maxMs} ms`,
      { latencyMs: subject.latencyMs },
    );
  },
});
