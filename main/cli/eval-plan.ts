import type { ChannelInput } from '../../shared/contract';
import { AssayError } from '../../shared/errors';
import { parseTargetId } from '../../shared/target-id';
import type { Core } from '../app/create-core';
import { readSuiteCases } from '../evals/datasets/suite-cases';
import {
  loadSuite,
  parsePromptRef,
  parseScorecardRef,
  suiteSyncInput,
  type ModelRef,
  type Suite,
  type SuitePrompt,
  type SuiteTarget,
} from '../evals/suite/load-suite';
import { invoke } from './with-core';

/** What `assay eval` was asked for, before anything is stored. */
export interface EvalPlanOptions {
  readonly prompt?: string;
  readonly model?: readonly string[];
  readonly dataset?: string;
  readonly judgeModel?: string;
  readonly embeddingModel?: string;
  /** `--scorecard NAME[@VERSION]`. */
  readonly scorecard?: string;
  readonly concurrency?: number;
  readonly repeat?: number;
  readonly cache: boolean;
  readonly skipUnmapped: boolean;
}

/** A run to start, and where its cases were written (the suite file and lines, if any). */
export interface EvalPlan {
  readonly name: string;
  readonly start: ChannelInput<'evals.start'>;
  readonly casesFile?: {
    readonly name: string;
    readonly lineOf: (index: number) => number | undefined;
  };
  readonly warnings: readonly string[];
  /** Where the scorecard was named (`--scorecard`, or the suite's `file:line`), for its errors. */
  readonly scorecardSource?: string;
}

/** The scorecard of the run: the flag wins over the suite's `scorecard:`. */
function scorecardOf(
  options: EvalPlanOptions,
  suite: Suite | null,
): { ref: NonNullable<Suite['scorecard']>['ref']; source: string } | undefined {
  if (options.scorecard !== undefined) {
    const ref = parseScorecardRef(options.scorecard);
    if (!ref)
      throw new AssayError(
        'CONFIG_INVALID',
        `--scorecard "${options.scorecard}" is not NAME or NAME@VERSION`,
      );
    return { ref, source: `--scorecard ${options.scorecard}` };
  }
  if (!suite?.scorecard) return undefined;
  const { ref, line } = suite.scorecard;
  return { ref, source: `${suite.file}${line === undefined ? '' : `:${line}`}: scorecard` };
}

function modelFlag(flag: string, raw: string | undefined): ModelRef | undefined {
  if (raw === undefined) return undefined;
  const target = parseTargetId(raw);
  if (!target)
    throw new AssayError(
      'CONFIG_INVALID',
      `${flag} "${raw}" is not provider:model (openai, anthropic, bedrock, local)`,
    );
  return { provider: target.provider, model: target.model };
}

function promptOf(options: EvalPlanOptions, suite: Suite | null, file: string): SuitePrompt {
  if (options.prompt) {
    const ref = parsePromptRef(options.prompt);
    if (!ref)
      throw new AssayError(
        'CONFIG_INVALID',
        `--prompt "${options.prompt}" is not NAME, NAME@LABEL or NAME@vX.Y`,
      );
    return ref;
  }
  if (suite?.prompt) return suite.prompt;
  throw new AssayError(
    'CONFIG_INVALID',
    suite
      ? `${file}: no prompt: add \`prompt:\` or pass --prompt NAME@LABEL`
      : 'no prompt: pass --prompt NAME@LABEL (or a suite file that names one)',
  );
}

function targetsOf(options: EvalPlanOptions, suite: Suite | null, file: string): SuiteTarget[] {
  if (options.model?.length)
    return options.model.map((m) => {
      const t = parseTargetId(m);
      if (!t)
        throw new AssayError(
          'CONFIG_INVALID',
          `--model "${m}" is not provider:model (openai, anthropic, bedrock, local)`,
        );
      return t;
    });
  if (suite && suite.targets.length > 0) return [...suite.targets];
  throw new AssayError(
    'CONFIG_INVALID',
    suite
      ? `${file}: no models: add \`models:\` or pass --model provider:model`
      : 'no models: pass --model provider:model',
  );
}

/**
 * The file line a case (by its index in the dataset's order) was written on, for a pre-flight
 * refusal. The file is read again only when a line is asked for: a run that starts never does.
 */
function caseLines(
  cases: ChannelInput<'datasets.syncSuite'>['cases'],
  skipUnmapped: boolean,
): (index: number) => number | undefined {
  let read: ReturnType<typeof readSuiteCases>['parsed'] | undefined;
  return (index) => {
    read ??= readSuiteCases(cases, { skipUnmapped }).parsed;
    return read.cases[index]?.at.lineOf?.([]);
  };
}

/** Imports the suite's own cases into its dataset (suite/<name>) through the contract. */
async function syncSuite(
  core: Core,
  suite: Suite,
  skipUnmapped: boolean,
): Promise<{ dataset: string; casesFile: NonNullable<EvalPlan['casesFile']>; warnings: string[] }> {
  const input = suiteSyncInput(suite, { skipUnmapped });
  let synced;
  try {
    synced = await invoke(core, 'datasets.syncSuite', input);
  } catch (err) {
    // A suite whose cases do not read is a configuration problem: exit 2, like any bad suite.
    if (err instanceof AssayError && err.code === 'VALIDATION_FAILED')
      throw new AssayError('CONFIG_INVALID', err.message, err.details);
    throw err;
  }
  const { fileName } = input.cases;
  return {
    dataset: synced.name,
    casesFile: { name: fileName, lineOf: caseLines(input.cases, skipUnmapped) },
    warnings: synced.warnings.map(
      (w) => `${w.line === undefined ? '' : `${fileName}:${w.line}: `}${w.message}`,
    ),
  };
}

/**
 * Resolves a suite file and the flags into one `evals.start`: flags win over the suite. The
 * cases come from `--dataset NAME`, a suite's `dataset: { name }`, or the suite's own cases,
 * which are imported into its dataset (`suite/<name>`) first.
 */
export async function planEval(
  core: Core,
  file: string | undefined,
  options: EvalPlanOptions,
): Promise<EvalPlan> {
  if (!file && !options.dataset)
    throw new AssayError(
      'CONFIG_INVALID',
      'assay eval needs a suite file, --dataset NAME (with --prompt and --model), or --resume RUN_ID|latest',
    );
  const suite = file ? loadSuite(file) : null;
  const where = file ?? '';
  const prompt = promptOf(options, suite, where);
  const targets = targetsOf(options, suite, where);
  const judgeModel = modelFlag('--judge-model', options.judgeModel) ?? suite?.judgeModel;
  const embeddingModel =
    modelFlag('--embedding-model', options.embeddingModel) ?? suite?.embeddingModel;
  const scorecard = scorecardOf(options, suite);
  const warnings: string[] = [];
  let dataset: string;
  let casesFile: EvalPlan['casesFile'];
  if (options.dataset) dataset = options.dataset;
  else if (suite && 'stored' in suite.dataset) dataset = suite.dataset.stored;
  else {
    const synced = await syncSuite(core, suite!, options.skipUnmapped);
    warnings.push(...synced.warnings);
    dataset = synced.dataset;
    casesFile = synced.casesFile;
  }
  return {
    name: suite?.name ?? `dataset:${dataset}`,
    start: {
      dataset,
      prompt,
      targets,
      concurrency: options.concurrency ?? suite?.concurrency,
      repeat: options.repeat ?? suite?.repeat,
      bypassCache: !options.cache,
      embeddingModel,
      judgeModel,
      ...(scorecard ? { scorers: { scorecard: scorecard.ref } } : {}),
    },
    ...(casesFile ? { casesFile } : {}),
    ...(scorecard ? { scorecardSource: scorecard.source } : {}),
    warnings,
  };
}
