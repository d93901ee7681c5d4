// Matcher hot path: 5,000 cases × 3 deterministic matchers (regex, is-json with a schema,
// contains-all), each case with its own copies of the specs, as cases loaded from a store are.
import { runMatcher, scoreCase } from '../main/evals/matchers/registry';
import { ZERO_USAGE } from '../main/llm/types';

const schema = {
  type: 'object',
  required: ['name', 'total'],
  properties: { name: { type: 'string' }, total: { type: 'number' } },
};
const cases = Array.from({ length: 5000 }, (_, i) => ({
  specs: [
    { type: 'regex', pattern: '"total":\\s*\\d+', flags: 'i' },
    { type: 'is-json', schema: structuredClone(schema) },
    { type: 'contains', values: ['name', 'total', `case-${i % 10}`], mode: 'all' },
  ],
  subject: {
    text: JSON.stringify({ name: `case-${i}`, total: i, note: 'x'.repeat(200) }),
    vars: {},
    latencyMs: 1,
    costPicoUsd: 0,
    usage: ZERO_USAGE,
  },
}));
for (const c of cases.slice(0, 50)) for (const s of c.specs) await runMatcher(s, c.subject);
const started = performance.now();
let passed = 0;
for (const c of cases) {
  const results = await Promise.all(c.specs.map((s) => runMatcher(s, c.subject)));
  if (scoreCase(results, c.specs).status === 'pass') passed++;
}
const elapsed = performance.now() - started;
console.log(
  `15,000 matcher evaluations in ${elapsed.toFixed(0)} ms (${((elapsed * 1000) / 15000).toFixed(1)} µs each); ${passed} cases passed`,
);
