import v8 from 'node:v8';
import { Command, CommanderError } from 'commander';
import { AssayError } from '../../shared/errors';
import { appVersion } from '../app/app-version';
import type { EvalOptions } from './commands/eval';
import { EXIT_OK, EXIT_USAGE, reportError } from './exit';
import { registerPulseCommands, registerScoringCommands } from './quality-commands';
import { registerCasesCommands, registerRunsCommands } from './runs-cases-commands';
import { registerTracesCommands } from './traces-commands';
import { registerCostsCommands } from './costs-commands';

/**
 * Commands load their modules when they run, not at start: `assay --help` stays instant, and a
 * command pulls in only the SDKs and services it uses.
 */
type Action = (...args: never[]) => Promise<void>;
const lazy =
  <M, K extends keyof M>(load: () => Promise<M>, name: K, runsUntilStopped = false) =>
  async (...args: unknown[]): Promise<void> => {
    // WebAssembly without the optimizing tier, for commands that finish: the one module they
    // compile is undici's HTTP parser, and optimizing it in the background held every
    // `assay eval` open ~80 ms after its work was done and added ~35 MB of peak memory
    // (QuickJS scorers run ~18% slower). A server keeps the optimizing tier.
    if (!runsUntilStopped) v8.setFlagsFromString('--liftoff-only');
    const command = (await load())[name] as unknown as Action;
    await command(...(args as never[]));
  };
const serveCommand = lazy(() => import('./commands/serve'), 'serveCommand', true);
const backupCommand = lazy(() => import('./commands/backup'), 'backupCommand');
const callCommand = lazy(() => import('./commands/call'), 'callCommand');
const evalCommand = lazy(() => import('./commands/eval'), 'evalCommand');
const backtestCommand = lazy(() => import('./commands/backtest'), 'backtestCommand');
const modelsCommand = lazy(() => import('./commands/models'), 'modelsCommand');
const promptsExportCommand = lazy(() => import('./commands/prompts'), 'promptsExportCommand');
const promptsImportCommand = lazy(() => import('./commands/prompts'), 'promptsImportCommand');
const datasetsImportCommand = lazy(() => import('./commands/datasets'), 'datasetsImportCommand');
const datasetsExportCommand = lazy(() => import('./commands/datasets'), 'datasetsExportCommand');
const datasetsListCommand = lazy(() => import('./commands/datasets'), 'datasetsListCommand');
const tracesExportCommand = lazy(() => import('./commands/traces-export'), 'tracesExportCommand');
const tracesTailCommand = lazy(() => import('./commands/traces-tail'), 'tracesTailCommand', true);
const costsCommands = {
  whatIf: lazy(() => import('./commands/costs'), 'costsWhatIfCommand'),
  recompute: lazy(() => import('./commands/costs'), 'costsRecomputeCommand'),
  history: lazy(() => import('./commands/costs'), 'costsHistoryCommand'),
};
const runsCommands = {
  list: lazy(() => import('./commands/runs'), 'runsListCommand'),
  show: lazy(() => import('./commands/runs'), 'runsShowCommand'),
  delete: lazy(() => import('./commands/runs'), 'runsDeleteCommand'),
  export: lazy(() => import('./commands/runs'), 'runsExportCommand'),
};
const casesCommands = {
  list: lazy(() => import('./commands/cases'), 'casesListCommand'),
  add: lazy(() => import('./commands/cases'), 'casesAddCommand'),
  update: lazy(() => import('./commands/cases'), 'casesUpdateCommand'),
  delete: lazy(() => import('./commands/cases'), 'casesDeleteCommand'),
};
const scoringCommands = {
  list: lazy(() => import('./commands/scoring'), 'scoringListCommand'),
  create: lazy(() => import('./commands/scoring'), 'scoringCreateCommand'),
  enable: lazy(() => import('./commands/scoring'), 'scoringEnableCommand'),
  disable: lazy(() => import('./commands/scoring'), 'scoringDisableCommand'),
  rescore: lazy(() => import('./commands/scoring'), 'scoringRescoreCommand'),
  delete: lazy(() => import('./commands/scoring'), 'scoringDeleteCommand'),
};
const pulseCommands = {
  list: lazy(() => import('./commands/pulse'), 'pulseListCommand'),
  alerts: lazy(() => import('./commands/pulse'), 'pulseAlertsCommand'),
  ack: lazy(() => import('./commands/pulse'), 'pulseAckCommand'),
};

function buildProgram(): Command {
  const program = new Command('assay')
    .description('Assay: a local-first AI engineering workbench')
    .version(appVersion(), '-v, --version')
    .showHelpAfterError('(run assay --help for usage)')
    .exitOverride();

  program
    .command('serve')
    .description('Serve the workbench and the HTTP API (default http://127.0.0.1:7717)')
    .option(
      '--host <host>',
      'address to bind (or ASSAY_HOST; default 127.0.0.1); anything but loopback requires --token or team mode',
    )
    .option('--port <port>', 'port to listen on (or ASSAY_PORT; default 7717; 0 picks a free one)')
    .option('--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)')
    .option(
      '--database <url>',
      'keep data in PostgreSQL (postgres://user@host:5432/db) instead of SQLite in the data directory (or ASSAY_DATABASE_URL)',
    )
    .option('--token <token>', 'require this bearer token on every request (or ASSAY_TOKEN)')
    .option(
      '--secure-cookie',
      'mark the token cookie Secure (TLS is terminated by a proxy in front of assay serve)',
    )
    .option(
      '--redis <url>',
      'team mode: accounts and roles, events and limits shared by several server processes, eval workers (or ASSAY_REDIS_URL; needs --database)',
    )
    .option(
      '--s3 <url>',
      'team mode: blobs in S3 or MinIO, as http://KEY:SECRET@host:9000/bucket (or the ASSAY_S3_* variables)',
    )
    .option(
      '--public-url <url>',
      'the address users open, behind a TLS proxy (or ASSAY_PUBLIC_URL): origin checks and Secure cookies',
    )
    .option('--no-build', 'serve the API only, without building or serving the workbench UI')
    .action(serveCommand);

  program
    .command('backup')
    .description('Write a consistent copy of the database, safe while Assay is running')
    .argument('<file>', 'where to write the copy')
    .option('--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)')
    .action(backupCommand);

  program
    .command('call')
    .description('Call a model through the instrumented call path and print the reply')
    .requiredOption('--provider <provider>', 'openai | anthropic | bedrock | local')
    .requiredOption(
      '--model <model>',
      'model id, e.g. gpt-4o-mini or us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    )
    .requiredOption('--message <text>', 'the user message')
    .option('--system <text>', 'a system prompt')
    .option('--stream', 'print tokens as they arrive')
    .option('--json', 'print one JSON object: text, usage, costUsd, latencyMs, spanId, …')
    .option('--no-cache', 'skip the response cache')
    .option('--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)')
    .action(callCommand);

  program
    .command('eval')
    .description(
      'Run an eval suite (or a promptfoo config, or a stored dataset) against one or more models',
    )
    .argument(
      '[suite]',
      'suite file: prompt, models and test_cases (or a dataset file); a promptfooconfig.yaml works too',
    )
    .option(
      '--dataset <name>',
      'run a stored dataset (no suite file needed, or instead of its cases)',
    )
    .option(
      '--prompt <name@label>',
      'a saved prompt: NAME, NAME@LABEL or NAME@vX.Y (overrides the suite)',
    )
    .option(
      '--model <provider:model...>',
      'models to run (overrides the suite), e.g. openai:gpt-4o-mini',
    )
    .option(
      '--judge-model <provider:model>',
      'judge of llm-judge matchers that name no model (overrides judge_model:)',
    )
    .option(
      '--embedding-model <provider:model>',
      'embedding model of similarity matchers (overrides embedding_model:)',
    )
    .option(
      '--scorecard <name[@version]>',
      'grade every case with a scorecard too (overrides scorecard:); a case passes only when its matchers and the verdict pass, an incomplete verdict leaves it unscored',
    )
    .option('--concurrency <n>', 'model calls in flight per model, judges included (default 20)')
    .option('--repeat <n>', 'runs per case, for pass@k and flakiness (default 1)')
    .option('--baseline <run-id|latest>', 'compare with a run; a regression exits 1')
    .option('--output <file>', 'write results: .json, .jsonl, .csv or .junit.xml')
    .option(
      '--fail-under <rate>',
      'exit 1 when a pass rate is under this (0.9 or 90%); unscored results count as failing',
    )
    .option('--allow-unscored', 'with --fail-under, leave unscored results out of the rate')
    .option(
      '--skip-unmapped',
      'run a promptfoo config whose assertions Assay cannot map; those cases are unscored',
    )
    .option('--no-cache', 'neither read nor write the response cache')
    .option(
      '--resume <run-id|latest>',
      'finish an interrupted run (latest: the newest run group): stored results are kept',
    )
    .option('--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)')
    .action(async (suite: string | undefined, options: EvalOptions) => {
      if (!suite && !options.resume && !options.dataset)
        throw new AssayError(
          'CONFIG_INVALID',
          'assay eval needs a suite file, --dataset NAME (with --prompt and --model), or --resume RUN_ID|latest',
        );
      await evalCommand(suite, options);
    });

  program
    .command('backtest')
    .description(
      'Replay a frozen backtest set on a candidate prompt and/or models, grade both sides with a scorecard, and print each verdict',
    )
    .requiredOption('--set <name>', 'the backtest set (name or id)')
    .option('--candidate <prompt@label>', 'the candidate prompt: NAME, NAME@LABEL or NAME@vX.Y')
    .option(
      '--model <provider:model...>',
      'candidate models (one candidate each), e.g. openai:gpt-4o-mini',
    )
    .option(
      '--baseline <production|prompt@version>',
      'what the candidate is measured against (default: production, what was answered)',
    )
    .requiredOption('--scorecard <name[@version]>', 'the scorecard both sides are graded with')
    .option('--concurrency <n>', 'calls in flight (default 8)')
    .option('--output <file>', 'write the verdicts: .json or .junit.xml')
    .option(
      '--fail-if-worse <delta>',
      'exit 1 when a candidate is significantly worse (95% interval below 0) and its mean score change is below -DELTA (default 0)',
    )
    .option('--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)')
    .action(backtestCommand);

  program
    .command('models')
    .description('List models with prices (USD per 1M tokens)')
    .option('--provider <provider>', 'only this provider')
    .option('--json', 'print JSON')
    .option('--no-live', 'use the catalog only, without asking the providers')
    .option('--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)')
    .action(modelsCommand);

  const prompts = program
    .command('prompts')
    .description('Prompt registry files (YAML, one per prompt)');
  prompts
    .command('export')
    .description('Write every prompt with its versions and labels to DIR/<name>.yaml')
    .argument('<dir>', 'folder to write into (created if missing)')
    .option('--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)')
    .action(promptsExportCommand);
  prompts
    .command('import')
    .description(
      'Add prompts, versions and labels from DIR/**/*.yaml, never overwriting (exit 1 on conflicts, 2 on invalid files)',
    )
    .argument('<dir>', 'folder to read')
    .option('--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)')
    .action(promptsImportCommand);

  const datasets = program
    .command('datasets')
    .description('Datasets of test cases (YAML, CSV, JSONL; promptfoo configs import too)');
  datasets
    .command('import')
    .description(
      'Import FILE as a new dataset (or --append to one), all or nothing; exit 2 on an invalid file, naming file:line',
    )
    .argument('<file>', 'a .yaml, .csv, .jsonl or promptfooconfig.yaml file (at most 50 MB)')
    .option('--name <name>', "dataset name (default: the file's name field, else the file name)")
    .option(
      '--format <format>',
      'yaml | csv | jsonl | promptfoo | assay-py (default: from the file name; a .yaml in the assay-py shape of the Python version is recognised)',
    )
    .option('--append', 'add the cases to an existing dataset')
    .option(
      '--skip-unmapped',
      'promptfoo: import assertions Assay cannot run as unmapped matchers (those cases unscored)',
    )
    .option('--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)')
    .action(datasetsImportCommand);
  datasets
    .command('export')
    .description(
      'Write a dataset as YAML, CSV, JSONL or assay-py (importing it again gives the same cases)',
    )
    .argument('<name>', 'the dataset')
    .option(
      '--format <format>',
      'yaml | csv | jsonl | assay-py (default: from a .csv/.jsonl --output, else the shape it was imported in: assay-py or yaml)',
    )
    .option('--output <file>', 'write to this file instead of stdout')
    .option('--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)')
    .action(datasetsExportCommand);
  datasets
    .command('list')
    .description('List datasets with their case counts')
    .option('--json', 'print JSON')
    .option('--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)')
    .action(datasetsListCommand);

  registerTracesCommands(program, { export: tracesExportCommand, tail: tracesTailCommand });
  registerCostsCommands(program, costsCommands);
  registerRunsCommands(program, runsCommands);
  registerCasesCommands(program, casesCommands);
  registerScoringCommands(program, scoringCommands);
  registerPulseCommands(program, pulseCommands);

  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    // A command that finished but failed its own checks (assay eval --fail-under) sets exitCode.
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage mistakes with 2.
      return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    return reportError(err);
  }
}

process.exitCode = await main(process.argv);
