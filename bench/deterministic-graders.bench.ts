// Online scoring of deterministic graders: 100,000 synthetic interactions, each graded by a
// scorecard of six deterministic graders (three eval matchers, three metrics) and given its
// verdict, one interaction after another as they would arrive. Issue 14 asks for at least
// 5,000 interactions/s.
import {
  graderDefinitionSchema,
  scoreConfigSchema,
  scorecardBodySchema,
} from '../shared/contract/quality';
import { gradeTarget, type GraderToRun } from '../main/quality/grading/grade-target';
import { gradingTarget, type GradingTarget } from '../main/quality/grading/grading-target';
import { scorecardVerdict, type ItemScore } from '../main/quality/scoring/scorecard-verdict';

const TARGETS = 100_000;

function grader(definition: unknown, scoreConfig: unknown): GraderToRun {
  return {
    definition: graderDefinitionSchema.parse(definition),
    scoreConfig: scoreConfigSchema.parse(scoreConfig),
    rubric: '',
  };
}
const boolean = { type: 'boolean' };
const matcher = (spec: Record<string, unknown>) => ({
  kind: 'deterministic',
  check: { type: 'matcher', matcher: spec },
});
const metric = (name: string, bounds: Record<string, number> = {}) => ({
  kind: 'deterministic',
  check: { type: 'metric', metric: name, ...bounds },
});

const graders: Record<string, GraderToRun> = {
  refusal: grader(
    matcher({ type: 'not-contains', values: ['as an ai', 'i cannot'], ignoreCase: true }),
    boolean,
  ),
  orderId: grader(matcher({ type: 'regex', pattern: '\\border-\\d{4,}\\b', flags: 'i' }), boolean),
  closeToExpected: grader(matcher({ type: 'levenshtein', value: 'Your order ships tomorrow.' }), {
    type: 'numeric',
    min: 0,
    max: 1,
  }),
  fast: grader(metric('latency_ms', { max: 2_000 }), boolean),
  cheap: grader(metric('cost_usd', { max: 0.002 }), boolean),
  short: grader(metric('output_chars', { max: 600 }), boolean),
};
const card = scorecardBodySchema.parse({
  items: Object.keys(graders).map((graderId) => ({ graderId })),
  passThreshold: 0.8,
});

function target(i: number): GradingTarget {
  const refusal = i % 17 === 0 ? ' As an AI, I cannot promise dates.' : '';
  return gradingTarget({
    input: `Where is my order order-${10_000 + i}?`,
    output: `Order order-${10_000 + i} ships ${i % 3 === 0 ? 'tomorrow' : 'on Monday'}.${refusal} ${'Thanks for waiting. '.repeat(i % 20)}`,
    latencyMs: 300 + (i % 2_500),
    costUsd: i % 11 === 0 ? null : 0.0001 + (i % 30) * 0.0001,
    toolCallCount: i % 4,
  });
}

const entries = Object.entries(graders);
async function score(t: GradingTarget) {
  const results = await Promise.all(entries.map(([, g]) => gradeTarget(g, t)));
  const scores = new Map<string, ItemScore>();
  entries.forEach(([id, g], k) => {
    const r = results[k]!;
    scores.set(id, { status: r.status, value: r.value, scoreConfig: g.scoreConfig });
  });
  return scorecardVerdict(card, scores);
}

const targets = Array.from({ length: TARGETS }, (_, i) => target(i));
// Warm-up: JIT, regex and matcher caches, as a long-running server has them.
for (const t of targets.slice(0, 2_000)) await score(t);

const outcomes = { pass: 0, fail: 0, incomplete: 0 };
const started = performance.now();
for (const t of targets) outcomes[(await score(t)).outcome]++;
const elapsed = performance.now() - started;

const perSecond = (TARGETS * 1000) / elapsed;
console.log(
  `${TARGETS.toLocaleString('en')} interactions × ${entries.length} deterministic graders + scorecard verdict in ${elapsed.toFixed(0)} ms: ${Math.round(perSecond).toLocaleString('en')} interactions/s (${Math.round(perSecond * entries.length).toLocaleString('en')} grades/s, ${((elapsed * 1000) / TARGETS).toFixed(1)} µs an interaction); target ≥ 5,000/s`,
);
console.log(
  `verdicts: ${outcomes.pass} pass, ${outcomes.fail} fail, ${outcomes.incomplete} incomplete (unpriced cost)`,
);
