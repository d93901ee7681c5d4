import Table from 'cli-table3';
import type { ComparisonView, RunView } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import type { Core } from '../../core/create-core';
import type { EvalReport } from '../../evals/output/eval-report';
import { writeReport } from '../../evals/output/write-report';
import {
  loadSuite,
  parsePromptRef,
  type SuitePrompt,
  type SuiteTarget,
} from '../../evals/suite/load-suite';
import { parseTargetId } from '../../../shared/target-id';
import { syncSuiteDataset } from '../../evals/suite/sync-dataset';
import { createProgressPrinter } from '../eval-progress';
import { EXIT_FAILURE, EXIT_OK } from '../exit';
import { startHeapTrim } from '../../core/heap-trim';
import { withCore } from '../with-core';

export interface EvalOptions {
  readonly prompt?: string;
  readonly model?: string[];
  readonly concurrency?: string;
  readonly repeat?: string;
  readonly baseline?: string;
  readonly output?: string;
  readonly failUnder?: string;
  readonly cache: boolean;
  readonly resume?: string;
  readonly dataDir?: string;
}

function intOption(
  flag: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new AssayError(
      'CONFIG_INVALID',
      `${flag} must be an integer from ${min} to ${max}, got "${raw}"`,
    );
  return n;
}

function rateOption(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const n = Number(raw.endsWith('%') ? Number(raw.slice(0, -1)) / 100 : raw);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new AssayError(
      'CONFIG_INVALID',
      `--fail-under must be a rate from 0 to 1 (or a percentage), got "${raw}"`,
    );
  return n;
}

const usd = (v: number | null): string => (v === null ? 'unpriced' : `$${v.toFixed(4)}`);
const ms = (v: number | null): string => (v === null ? '-' : `${Math.round(v)} ms`);

function summary(runs: readonly RunView[]): string {
  const table = new Table({
    head: [
      'model',
      'prompt',
      'pass',
      'fail',
      'error',
      'pass rate',
      'prompt cost',
      'judge cost',
      'p50',
      'p95',
    ],
    style: { head: [], border: [] },
  });
  for (const r of runs) {
    const t = r.totals;
    table.push([
      `${r.provider}:${r.model}`,
      r.prompt,
      t.pass,
      t.fail,
      t.error,
      `${(t.passRate * 100).toFixed(1)}%`,
      usd(t.promptCostUsd),
      usd(t.judgeCostUsd),
      ms(t.latencyP50Ms),
      ms(t.latencyP95Ms),
    ]);
  }
  return table.toString();
}

/** The baseline for a run: an id, or `latest` = the newest earlier run of the same dataset, prompt and model. */
function pickBaseline(core: Core, run: RunView, baseline: string, groupId: string): RunView | null {
  if (baseline !== 'latest') return core.services.runs.view(baseline);
  const candidates = core.services.runs
    .list({ dataset: run.dataset ?? undefined, limit: 500 })
    .filter(
      (r) =>
        r.groupId !== groupId &&
        r.provider === run.provider &&
        r.model === run.model &&
        r.status === 'completed',
    );
  return (
    candidates.find((r) => r.prompt.split('@')[0] === run.prompt.split('@')[0]) ??
    candidates[0] ??
    null
  );
}

/**
 * A run in CI should hold about what it needs: see heap-trim.ts. With 16 MB of headroom a
 * 5,000-case run peaks near 170 MB; without a trim, ~300 MB.
 */
const HEAP_TRIM = { headroomBytes: 16 * 1024 * 1024, everyMs: 200 };

/**
 * `assay eval SUITE.yaml`: imports the suite's cases, runs every model, prints a summary, and
 * exits 0 on success, 1 when a run is under --fail-under or regressed against the baseline,
 * 2 for a bad suite or configuration (file:line: reason).
 */
export async function evalCommand(suiteFile: string, options: EvalOptions): Promise<void> {
  const failUnder = rateOption(options.failUnder);
  const concurrency = intOption('--concurrency', options.concurrency, 1, 256);
  const repeat = intOption('--repeat', options.repeat, 1, 20);
  await withCore(options.dataDir, async (core) => {
    const runs = core.services.runs;
    let groupId: string;
    let started: RunView[];
    let suiteName = suiteFile;
    if (options.resume) {
      const run = runs.resume(options.resume);
      groupId = run.groupId;
      started = [run];
    } else {
      const suite = loadSuite(suiteFile);
      suiteName = suite.name;
      const prompt: SuitePrompt | null = options.prompt
        ? parsePromptRef(options.prompt)
        : suite.prompt;
      if (!prompt)
        throw new AssayError(
          'CONFIG_INVALID',
          options.prompt
            ? `--prompt "${options.prompt}" is not NAME, NAME@LABEL or NAME@vX.Y`
            : `${suiteFile}: no prompt: add \`prompt:\` or pass --prompt NAME@LABEL`,
        );
      const targets: SuiteTarget[] = options.model?.length
        ? options.model.map((m) => {
            const t = parseTargetId(m);
            if (!t)
              throw new AssayError(
                'CONFIG_INVALID',
                `--model "${m}" is not provider:model (openai, anthropic, bedrock, local)`,
              );
            return t;
          })
        : [...suite.targets];
      if (targets.length === 0)
        throw new AssayError(
          'CONFIG_INVALID',
          `${suiteFile}: no models: add \`models:\` or pass --model provider:model`,
        );
      let dataset;
      try {
        dataset = syncSuiteDataset(core.services.datasets.store, suite);
      } catch (err) {
        if (err instanceof AssayError && err.code === 'VALIDATION_FAILED')
          throw new AssayError('CONFIG_INVALID', err.message, err.details);
        throw err;
      }
      for (const w of dataset.warnings)
        process.stderr.write(
          `warning: ${w.line === undefined ? '' : `${suiteFile}:${w.line}: `}${w.message}\n`,
        );
      const out = runs.start({
        name: undefined,
        dataset: dataset.name,
        prompt,
        targets,
        concurrency: concurrency ?? suite.concurrency,
        repeat: repeat ?? suite.repeat,
        bypassCache: !options.cache,
        embeddingModel: suite.embeddingModel,
      });
      groupId = out.groupId;
      started = out.runs;
    }

    const labels = new Map(started.map((r) => [r.id, `${r.provider}:${r.model}`.padEnd(28)]));
    const unsubscribe = core.events.subscribe((topic, payload) => {
      if (topic === 'eval.progress') printer(payload as Parameters<typeof printer>[0]);
    });
    const printer = createProgressPrinter(labels);
    const onSigint = (): void => {
      for (const r of started) runs.cancel(r.id);
    };
    process.once('SIGINT', onSigint);
    const heap = startHeapTrim(HEAP_TRIM);
    let finished: RunView[];
    try {
      finished = await Promise.all(started.map((r) => runs.wait(r.id)));
    } finally {
      heap.stop();
      process.removeListener('SIGINT', onSigint);
      unsubscribe();
    }

    process.stdout.write(`${summary(finished)}\n`);
    const comparisons: ComparisonView[] = [];
    if (options.baseline) {
      for (const run of finished) {
        const base = pickBaseline(core, run, options.baseline, groupId);
        if (!base) {
          process.stderr.write(
            `no baseline run found for ${run.provider}:${run.model}; nothing to compare\n`,
          );
          continue;
        }
        const cmp = runs.compare(base.id, run.id);
        comparisons.push(cmp);
        process.stdout.write(
          `vs baseline ${base.id} (${base.prompt}): ${cmp.counts.regression} regressions, ${cmp.counts.improvement} improvements, ${cmp.counts.new} new, pass rate ${(cmp.passRateDelta * 100).toFixed(1)} pts\n`,
        );
        for (const c of cmp.cases.filter((x) => x.change === 'regression').slice(0, 20)) {
          process.stdout.write(
            `  regression #${c.position}: ${JSON.stringify(c.vars).slice(0, 100)}\n`,
          );
        }
      }
    }
    const underRate = failUnder !== null && finished.some((r) => r.totals.passRate < failUnder);
    const regressed = comparisons.some((c) => c.counts.regression > 0);
    const incomplete = finished.some((r) => r.status !== 'completed');
    const passed = !underRate && !regressed && !incomplete;
    if (options.output) {
      const report: EvalReport = {
        version: 1,
        suite: suiteName,
        dataset: finished[0]?.dataset ?? '',
        groupId,
        passed,
        failUnder,
        runs: finished.map((r) => ({
          ...r,
          results: runs.results({ runId: r.id, offset: 0, limit: 1_000_000 }).results,
        })),
        comparisons,
      };
      writeReport(options.output, report);
    }
    for (const r of finished)
      if (r.status !== 'completed')
        process.stderr.write(
          `run ${r.id} ${r.status}${r.error ? `: ${r.error}` : ''}; resume with: assay eval --resume ${r.id}\n`,
        );
    if (underRate) process.stderr.write(`pass rate under --fail-under ${failUnder}\n`);
    process.exitCode = passed ? EXIT_OK : EXIT_FAILURE;
  });
}
