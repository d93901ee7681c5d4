import type { ComparisonView, Preflight, RunView } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import type { Core } from '../../app/create-core';
import { startHeapTrim } from '../../kit/heap-trim';
import { buildEvalReport } from '../../evals/output/build-report';
import { writeReport } from '../../evals/output/write-report';
import { describePreflight } from '../../evals/runs/preflight';
import { planEval, type EvalPlan } from '../eval-plan';
import { createProgressPrinter } from '../eval-progress';
import { gatedRate, promptLabel, summaryTable } from '../eval-summary';
import { EXIT_FAILURE, EXIT_OK } from '../exit';
import { intOption } from '../int-option';
import { allResults } from '../run-results';
import { RunWatch } from '../run-watch';
import { invoke, withCore } from '../with-core';

export interface EvalOptions {
  readonly prompt?: string;
  readonly model?: string[];
  readonly dataset?: string;
  readonly judgeModel?: string;
  readonly embeddingModel?: string;
  readonly scorecard?: string;
  readonly concurrency?: string;
  readonly repeat?: string;
  readonly baseline?: string;
  readonly output?: string;
  readonly failUnder?: string;
  readonly allowUnscored?: boolean;
  readonly skipUnmapped?: boolean;
  readonly cache: boolean;
  readonly resume?: string;
  readonly dataDir?: string;
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

/** The baseline for a run: an id, or `latest` = the newest earlier run of the same dataset, prompt and model. */
async function pickBaseline(
  core: Core,
  run: RunView,
  baseline: string,
  groupId: string,
): Promise<RunView | null> {
  if (baseline !== 'latest') return invoke(core, 'evals.get', { runId: baseline });
  const listed = await invoke(core, 'evals.list', {
    ...(run.dataset === null ? {} : { dataset: run.dataset }),
    limit: 500,
  });
  const candidates = listed.runs.filter(
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

/** `--resume latest`: every run of the newest group that has not completed. */
async function resumeRuns(core: Core, which: string): Promise<RunView[]> {
  const resume = (runId: string) => invoke(core, 'evals.resume', { runId });
  if (which !== 'latest') return [await resume(which)];
  const newest = (await invoke(core, 'evals.list', { limit: 1 })).runs[0];
  if (!newest) throw new AssayError('NOT_FOUND', '--resume latest: there are no runs yet');
  const group = await invoke(core, 'evals.list', { groupId: newest.groupId, limit: 500 });
  return Promise.all(group.runs.map((r) => resume(r.id)));
}

/**
 * Reads the suite and starts its runs. A function of its own so that what reading left behind
 * (the parsed file, each case's line finder: 15 MB for 5,000 cases) is garbage once the runs
 * are stored, not held by the command's frame while they go.
 */
async function startSuite(
  core: Core,
  suiteFile: string | undefined,
  options: Omit<EvalOptions, 'concurrency' | 'repeat'> & { concurrency?: number; repeat?: number },
): Promise<{ started: RunView[]; suiteName: string }> {
  const plan = await planEval(core, suiteFile, {
    ...options,
    skipUnmapped: options.skipUnmapped === true,
  });
  for (const w of plan.warnings) process.stderr.write(`warning: ${w}\n`);
  return { started: (await startPlan(core, plan)).runs, suiteName: plan.name };
}

/** Whether a refusal is about the run's scorecard (evals.start names `scorers.scorecard`). */
function aboutScorecard(err: AssayError): boolean {
  const issues = (err.details as { issues?: { path?: unknown }[] } | undefined)?.issues;
  return (
    Array.isArray(issues) &&
    issues.some((i) => typeof i.path === 'string' && i.path.startsWith('scorers.scorecard'))
  );
}

/**
 * Starts the plan's runs; a pre-flight refusal names every case by its file line, and a
 * scorecard that cannot be used (none of that name, archived, no such version) is a bad
 * configuration (exit 2) named where it was written.
 */
async function startPlan(
  core: Core,
  plan: EvalPlan,
): Promise<{ groupId: string; runs: RunView[] }> {
  try {
    return await invoke(core, 'evals.start', plan.start);
  } catch (err) {
    if (err instanceof AssayError && plan.scorecardSource && aboutScorecard(err)) {
      const { issues } = err.details as { issues: { path: string; message: string }[] };
      throw new AssayError(
        'CONFIG_INVALID',
        `${plan.scorecardSource}: ${issues.map((i) => i.message).join('; ')}`,
        err.details,
      );
    }
    const check = (err as { details?: { preflight?: Preflight } }).details?.preflight;
    if (!(err instanceof AssayError) || !check) throw err;
    const lines = describePreflight(check.problems, plan.casesFile?.lineOf);
    const file = plan.casesFile ? `${plan.casesFile.name}: ` : '';
    throw new AssayError(
      'CONFIG_INVALID',
      `${file}the run cannot start, no model was called:\n  ${lines.join('\n  ')}`,
      { preflight: check },
    );
  }
}

/**
 * A run in CI should hold about what it needs: see heap-trim.ts. With 16 MB of headroom a
 * 5,000-case run peaks near 170 MB; without a trim, ~300 MB.
 */
const HEAP_TRIM = { headroomBytes: 16 * 1024 * 1024, everyMs: 200 };

/**
 * `assay eval [SUITE.yaml]`: imports the suite's cases (or uses `--dataset`), checks the run
 * before any call (missing variables, matchers without a model: exit 2), runs every model,
 * prints a summary, and exits 0 on success, 1 when a run is under --fail-under (unscored
 * results counting as failing unless --allow-unscored), regressed against the baseline or did
 * not complete, 2 for a bad suite or configuration (file:line: reason).
 */
export async function evalCommand(
  suiteFile: string | undefined,
  options: EvalOptions,
): Promise<void> {
  const failUnder = rateOption(options.failUnder);
  const concurrency = intOption('--concurrency', options.concurrency, 1, 256);
  const repeat = intOption('--repeat', options.repeat, 1, 20);
  await withCore(options.dataDir, async (core) => {
    // Listening before anything starts: a run that ends at once still reports its end.
    const watch = new RunWatch(core);
    let finished: RunView[];
    let started: RunView[];
    let suiteName: string;
    try {
      ({ started, suiteName } = options.resume
        ? { started: await resumeRuns(core, options.resume), suiteName: suiteFile ?? '' }
        : await startSuite(core, suiteFile, { ...options, concurrency, repeat }));
      for (const r of started) {
        const card = r.scorers?.scorecard;
        process.stdout.write(
          `run ${r.id}: ${r.provider}:${r.model} · ${promptLabel(r)} · ${r.totals.cases} cases${r.repeat > 1 ? ` × ${r.repeat}` : ''}${card ? ` · scorecard ${card.name} v${card.version}` : ''}\n`,
        );
      }
      const labels = new Map(started.map((r) => [r.id, `${r.provider}:${r.model}`.padEnd(28)]));
      watch.onProgress(createProgressPrinter(labels));
      const runIds = started.map((r) => r.id);
      const onSigint = (): void => {
        for (const runId of runIds) void invoke(core, 'evals.cancel', { runId }).catch(() => {});
      };
      process.once('SIGINT', onSigint);
      const heap = startHeapTrim(HEAP_TRIM);
      try {
        finished = await Promise.all(started.map((r) => watch.ended(r)));
      } finally {
        heap.stop();
        process.removeListener('SIGINT', onSigint);
      }
    } finally {
      watch.close();
    }
    const groupId = started[0]!.groupId;

    process.stdout.write(`${summaryTable(finished)}\n`);
    const comparisons: ComparisonView[] = [];
    if (options.baseline) {
      for (const run of finished) {
        const base = await pickBaseline(core, run, options.baseline, groupId);
        if (!base) {
          process.stderr.write(
            `no baseline run found for ${run.provider}:${run.model}; nothing to compare\n`,
          );
          continue;
        }
        const cmp = await invoke(core, 'evals.compare', {
          baselineRunId: base.id,
          candidateRunId: run.id,
        });
        comparisons.push(cmp);
        const unscored = cmp.counts.unscored > 0 ? `, ${cmp.counts.unscored} unscored` : '';
        process.stdout.write(
          `vs baseline ${base.id} (${promptLabel(base)}): ${cmp.counts.regression} regressions, ${cmp.counts.improvement} improvements, ${cmp.counts.new} new${unscored}, pass rate ${cmp.passRateDelta === null ? 'not comparable (a run scored nothing)' : `${(cmp.passRateDelta * 100).toFixed(1)} pts`}\n`,
        );
        for (const c of cmp.cases.filter((x) => x.change === 'regression').slice(0, 20)) {
          process.stdout.write(
            `  regression #${c.position}: ${JSON.stringify(c.vars).slice(0, 100)}\n`,
          );
        }
      }
    }
    const allowUnscored = options.allowUnscored === true;
    const underRate =
      failUnder !== null && finished.some((r) => gatedRate(r, allowUnscored) < failUnder);
    const regressed = comparisons.some((c) => c.counts.regression > 0);
    const incomplete = finished.some((r) => r.status !== 'completed');
    const passed = !underRate && !regressed && !incomplete;
    if (options.output) {
      const report = buildEvalReport({
        suite: suiteName,
        passed,
        failUnder,
        allowUnscored,
        runs: await Promise.all(
          finished.map(async (r) => ({
            ...r,
            results: await allResults(core, r.id),
          })),
        ),
        comparisons,
      });
      writeReport(options.output, report);
    }
    for (const r of finished)
      if (r.status !== 'completed')
        process.stderr.write(
          `run ${r.id} ${r.status}${r.error ? `: ${r.error}` : ''}; resume with: assay eval --resume ${r.id}\n`,
        );
    const unscored = finished.reduce((n, r) => n + r.totals.unscored, 0);
    if (unscored > 0)
      process.stderr.write(
        `${unscored} result${unscored === 1 ? ' was' : 's were'} unscored (no matcher judged ${unscored === 1 ? 'it' : 'them'}, or the scorecard's verdict was incomplete): never counted as passes${failUnder !== null && !allowUnscored ? '; --fail-under counts them as failing (--allow-unscored leaves them out)' : ''}\n`,
      );
    if (underRate) process.stderr.write(`pass rate under --fail-under ${failUnder}\n`);
    process.exitCode = passed ? EXIT_OK : EXIT_FAILURE;
  });
}
