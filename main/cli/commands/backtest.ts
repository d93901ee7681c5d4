import fs from 'node:fs';
import path from 'node:path';
import type {
  BacktestRunView,
  CandidateSpec,
  CandidateVerdict,
} from '../../../shared/contract/backtests';
import { AssayError } from '../../../shared/errors';
import { parseTargetId } from '../../../shared/target-id';
import { parseScorecardRef } from '../../evals/suite/load-suite';
import { EXIT_FAILURE, EXIT_OK } from '../exit';
import { intOption } from '../int-option';
import { invoke, withCore } from '../with-core';

export interface BacktestOptions {
  readonly set: string;
  readonly candidate?: string;
  readonly model?: readonly string[];
  readonly baseline?: string;
  readonly scorecard: string;
  readonly concurrency?: string;
  readonly output?: string;
  readonly failIfWorse?: string;
  readonly dataDir?: string;
}

function modelOf(raw: string) {
  const target = parseTargetId(raw);
  if (!target)
    throw new AssayError(
      'CONFIG_INVALID',
      `--model "${raw}" is not provider:model (openai, anthropic, bedrock, local)`,
    );
  return { provider: target.provider, model: target.model };
}

/** Candidates: the prompt on each model given (or on its recorded model), or each model alone. */
function candidatesOf(options: BacktestOptions): CandidateSpec[] {
  const models = (options.model ?? []).map(modelOf);
  if (!options.candidate && models.length === 0)
    throw new AssayError(
      'CONFIG_INVALID',
      'assay backtest needs --candidate PROMPT@LABEL, --model PROVIDER:MODEL, or both',
    );
  const prompt = options.candidate ? { prompt: options.candidate } : {};
  if (models.length === 0) return [prompt];
  return models.map((model) => ({ ...prompt, model }));
}

function failIfWorseOf(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new AssayError(
      'CONFIG_INVALID',
      `--fail-if-worse "${raw}" is not a score change between 0 and 1`,
    );
  return value;
}

const fmt = (v: number | null, digits = 3) => (v === null ? '-' : v.toFixed(digits));
const usd = (v: number | null) => (v === null ? 'unpriced' : `$${v.toFixed(4)}`);

function verdictLines(v: CandidateVerdict, baseline: string): string[] {
  const interval = v.interval ? `[${fmt(v.interval.low)}, ${fmt(v.interval.high)}]` : '-';
  return [
    `${v.label} against ${baseline}: ${v.verdict.replace('_', ' ')}`,
    `  mean score change ${fmt(v.meanDelta)} (95% CI ${interval}), sign test p=${fmt(v.signTestP, 4)}`,
    `  ${v.wins} better, ${v.ties} same, ${v.losses} worse; ${v.unscoredPairs} unscored (not counted), ${v.candidateErrors} candidate errors`,
    `  pass rate ${fmt(v.baselinePassRate)} -> ${fmt(v.candidatePassRate)}; cost ${usd(v.baselineCostUsd)} -> ${usd(v.candidateCostUsd)}; p50 latency ${fmt(v.baselineLatencyP50Ms, 0)} -> ${fmt(v.candidateLatencyP50Ms, 0)} ms`,
    ...(v.projectedMonthly
      ? [
          `  projected monthly (${v.projectedMonthly.interactions} interactions in the last 30 days): ${usd(v.projectedMonthly.baselineUsd)} -> ${usd(v.projectedMonthly.candidateUsd)}`,
        ]
      : []),
  ];
}

/** Significantly worse by more than the allowance: the interval lies below 0 and the mean below -allowance. */
export function candidateFails(v: CandidateVerdict, allowance: number): boolean {
  return v.verdict === 'worse' && v.meanDelta !== null && v.meanDelta < -allowance;
}

const xml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

function junit(run: BacktestRunView, allowance: number): string {
  const cases = run.verdicts.map((v) => {
    const body = candidateFails(v, allowance)
      ? `<failure message="${xml(`mean score change ${fmt(v.meanDelta)} is significantly worse`)}">${xml(verdictLines(v, run.baseline.label).join('\n'))}</failure>`
      : '';
    return `    <testcase classname="backtest.${xml(run.setName)}" name="${xml(v.label)}">${body}</testcase>`;
  });
  const failures = run.verdicts.filter((v) => candidateFails(v, allowance)).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="${xml(run.name)}" tests="${run.verdicts.length}" failures="${failures}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}

function writeOutput(file: string, run: BacktestRunView, allowance: number): void {
  const ext = file.endsWith('.junit.xml') ? 'junit' : path.extname(file);
  if (ext !== 'junit' && ext !== '.json')
    throw new AssayError('CONFIG_INVALID', `--output "${file}": write .json or .junit.xml`);
  try {
    fs.writeFileSync(
      file,
      ext === 'junit' ? junit(run, allowance) : `${JSON.stringify(run, null, 2)}\n`,
    );
  } catch (err) {
    throw new AssayError(
      'CONFIG_INVALID',
      `--output "${file}": cannot write it (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
}

/** The report's folder must exist before the backtest spends anything, not after. */
function checkOutputFolder(file: string): void {
  const folder = path.dirname(path.resolve(file));
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new AssayError('CONFIG_INVALID', `--output "${file}": no folder ${folder}`);
}

/**
 * `assay backtest`: replays a frozen set on candidates and prints each one's verdict. Exit 0,
 * 1 when a candidate is significantly worse (beyond `--fail-if-worse`) or the run does not
 * complete, 2 on bad input.
 */
export async function backtestCommand(options: BacktestOptions): Promise<void> {
  const candidates = candidatesOf(options);
  const allowance = failIfWorseOf(options.failIfWorse);
  const scorecard = parseScorecardRef(options.scorecard);
  if (!scorecard)
    throw new AssayError(
      'CONFIG_INVALID',
      `--scorecard "${options.scorecard}" is not NAME or NAME@VERSION`,
    );
  const baselineRaw = options.baseline ?? 'production';
  const baseline =
    baselineRaw === 'production'
      ? { kind: 'production' as const }
      : { kind: 'replay' as const, prompt: baselineRaw };
  if (options.output && !options.output.endsWith('.json') && !options.output.endsWith('.junit.xml'))
    throw new AssayError(
      'CONFIG_INVALID',
      `--output "${options.output}": write .json or .junit.xml`,
    );
  if (options.output) checkOutputFolder(options.output);
  const concurrency =
    options.concurrency === undefined
      ? undefined
      : intOption('--concurrency', options.concurrency, 1, 64);
  await withCore(options.dataDir, async (core) => {
    const estimate = await invoke(core, 'backtests.estimate', {
      set: options.set,
      baseline,
      candidates,
      scorecard,
    });
    process.stderr.write(
      `assay: backtest of ${estimate.items} items; estimated cost ${estimate.totalUsd === null ? 'unknown (a model is unpriced)' : `$${estimate.totalUsd.toFixed(4)}`}${estimate.judgeGraders > 0 ? ` plus ${estimate.judgeGraders} judge grader(s)` : ''}\n`,
    );
    let run = await invoke(core, 'backtests.runs.create', {
      set: options.set,
      baseline,
      candidates,
      scorecard,
      ...(concurrency === undefined ? {} : { concurrency }),
    });
    let shown = -1;
    while (run.status === 'queued' || run.status === 'running') {
      if (run.done !== shown && process.stderr.isTTY) {
        shown = run.done;
        process.stderr.write(
          `\rassay: ${run.done}/${run.total} done, $${run.spentUsd.toFixed(4)} spent`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
      run = await invoke(core, 'backtests.runs.get', { id: run.id });
    }
    if (process.stderr.isTTY) process.stderr.write('\n');
    process.stdout.write(
      `backtest ${run.id} (${run.status}): ${run.items} items of set "${run.setName}", scorecard ${run.scorecard.name} v${run.scorecard.version}\n`,
    );
    for (const v of run.verdicts)
      process.stdout.write(`${verdictLines(v, run.baseline.label).join('\n')}\n`);
    if (options.output) writeOutput(options.output, run, allowance);
    if (run.status !== 'completed') {
      process.stderr.write(
        `assay: the backtest ${run.status}${run.error ? `: ${run.error}` : ''}; resume it from the workbench\n`,
      );
      process.exitCode = EXIT_FAILURE;
      return;
    }
    process.exitCode = run.verdicts.some((v) => candidateFails(v, allowance))
      ? EXIT_FAILURE
      : EXIT_OK;
  });
}
