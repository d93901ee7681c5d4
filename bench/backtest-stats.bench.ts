// Backtest statistics (issue 15): the percentile bootstrap of a mean delta, 10,000 resamples
// over 10,000 pairs, alone and inside pairedSummary (wins/ties/losses, sign test, pass rates,
// verdict), as a backtest's verdict computes it. Pure CPU, no store. Each is timed 7 times
// after a warm-up (JIT) run; median and max are printed. Target: well under 500 ms each.
import { bootstrapMeanInterval } from '../main/quality/backtests/stats/bootstrap';
import { pairedSummary, type ScoredPair } from '../main/quality/backtests/stats/paired-deltas';
import { paretoFrontier } from '../main/quality/backtests/stats/pareto';
import { seededRandom } from '../main/quality/backtests/stats/seeded-random';
import { signTest } from '../main/quality/backtests/stats/sign-test';

const PAIRS = 10_000;
const RESAMPLES = 10_000;
const REPEATS = 7;
const TARGET_MS = 500;

// Continuous scores (every delta distinct), a small real improvement. The bootstrap gets all
// 10,000 deltas; pairedSummary gets the pairs with 3% unscored on one side or both.
const random = seededRandom(15);
const baselines = Array.from({ length: PAIRS }, () => random());
const candidates = baselines.map((b) => Math.min(1, Math.max(0, b + (random() - 0.48) * 0.3)));
const deltas = Float64Array.from(baselines, (b, i) => candidates[i]! - b);
const pairs: ScoredPair[] = baselines.map((baseline, i) => {
  const candidate = candidates[i]!;
  const unscored = random() < 0.03;
  return {
    baseline: unscored && random() < 0.5 ? null : baseline,
    candidate: unscored ? null : candidate,
    baselinePass: baseline >= 0.5,
    candidatePass: unscored ? null : candidate >= 0.5,
  };
});

function time<T>(label: string, run: () => T, targetMs?: number): T {
  let result = run(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    result = run();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(REPEATS / 2)]!;
  const max = ms[REPEATS - 1]!;
  console.log(
    `${label}: median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms over ${REPEATS} runs` +
      (targetMs === undefined
        ? ''
        : `; target < ${targetMs} ms${max < targetMs ? '' : ' (MISSED)'}`),
  );
  return result;
}

const interval = time(
  `bootstrapMeanInterval, ${RESAMPLES.toLocaleString('en')} resamples × ${deltas.length.toLocaleString('en')} deltas`,
  () => bootstrapMeanInterval(deltas, { resamples: RESAMPLES }),
  TARGET_MS,
);
console.log(
  `  mean delta ${interval!.mean.toFixed(5)}, 95% interval [${interval!.low.toFixed(5)}, ${interval!.high.toFixed(5)}]`,
);

const summary = time(
  `pairedSummary over ${PAIRS.toLocaleString('en')} pairs`,
  () => pairedSummary(pairs, { resamples: RESAMPLES }),
  TARGET_MS,
);
console.log(
  `  ${summary.counts.wins} wins, ${summary.counts.ties} ties, ${summary.counts.losses} losses, ${summary.counts.unscored} unscored; sign test p = ${summary.signTestPValue.toExponential(3)}; verdict ${summary.verdict}`,
);

// The small parts, for scale.
time('signTest(50,500, 49,500)', () => signTest(50_500, 49_500));
const board = Array.from({ length: PAIRS }, () => ({ score: random(), cost: random() }));
const pareto = time(`paretoFrontier over ${PAIRS.toLocaleString('en')} points`, () =>
  paretoFrontier(
    board,
    (p) => p.score,
    (p) => p.cost,
  ),
);
console.log(`  ${pareto.frontier.length} points on the frontier`);
