import path from 'node:path';
import type { ResultStatus, RunView } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import type { Core } from '../../app/create-core';
import { buildEvalReport } from '../../evals/output/build-report';
import { writeReport } from '../../evals/output/write-report';
import { intOption } from '../int-option';
import { resultsTable, runHeader, runsTable } from '../run-details';
import { allResults } from '../run-results';
import { invoke, withCore } from '../with-core';

interface DataDirOption {
  readonly dataDir?: string;
}

export interface RunsListOptions extends DataDirOption {
  readonly dataset?: string;
  readonly limit?: string;
  readonly json?: boolean;
}

export interface RunsShowOptions extends DataDirOption {
  readonly json?: boolean;
  readonly status?: string;
}

export interface RunsExportOptions extends DataDirOption {
  readonly output: string;
}

const REPORT_EXTENSIONS = /\.(json|jsonl|csv|xml)$/i;

/** A run id, or `latest`: the newest run. */
async function resolveRunId(core: Core, which: string): Promise<string> {
  if (which !== 'latest') return which;
  const { runs } = await invoke(core, 'evals.list', { limit: 1 });
  if (!runs[0]) throw new AssayError('NOT_FOUND', 'latest: there are no runs yet');
  return runs[0].id;
}

/** `assay runs list`: newest first, optionally of one dataset. */
export async function runsListCommand(options: RunsListOptions): Promise<void> {
  const limit = intOption('--limit', options.limit, 1, 500);
  await withCore(options.dataDir, async (core) => {
    const { runs } = await invoke(core, 'evals.list', {
      ...(options.dataset === undefined ? {} : { dataset: options.dataset }),
      limit: limit ?? 20,
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ runs }, null, 2)}\n`);
      return;
    }
    if (runs.length === 0) {
      process.stdout.write('No runs yet (assay eval runs a suite or a dataset).\n');
      return;
    }
    process.stdout.write(`${runsTable(runs)}\n`);
  });
}

/**
 * `assay runs show RUN_ID|latest`: the run's header and its results (`--status` keeps one
 * verdict); `--json` prints `{ run, results }` with every field of both.
 */
export async function runsShowCommand(which: string, options: RunsShowOptions): Promise<void> {
  await withCore(options.dataDir, async (core) => {
    const runId = await resolveRunId(core, which);
    // The contract checks --status: anything but pass|fail|error|unscored is VALIDATION_FAILED.
    const status = options.status as ResultStatus | undefined;
    const run: RunView = await invoke(core, 'evals.get', { runId });
    const results = await allResults(core, runId, status);
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ run, results }, null, 2)}\n`);
      return;
    }
    process.stdout.write(`${runHeader(run)}\n\n`);
    if (results.length === 0) {
      const none = status ? `No ${status} results.` : 'No results stored yet.';
      process.stdout.write(`${none}\n`);
      return;
    }
    process.stdout.write(`${resultsTable(run, results)}\n`);
  });
}

/** `assay runs delete RUN_ID|latest`: the run, its case snapshots and results; spans stay. */
export async function runsDeleteCommand(which: string, options: DataDirOption): Promise<void> {
  await withCore(options.dataDir, async (core) => {
    const runId = await resolveRunId(core, which);
    const run = await invoke(core, 'evals.get', { runId });
    await invoke(core, 'evals.delete', { runId });
    process.stdout.write(
      `Deleted run ${run.id} (${run.dataset ?? 'no dataset'}, ${run.totals.results} results); the spans of its calls are kept.\n`,
    );
  });
}

/** `assay runs export RUN_ID|latest --output FILE`: the report `assay eval --output` writes. */
export async function runsExportCommand(which: string, options: RunsExportOptions): Promise<void> {
  if (!REPORT_EXTENSIONS.test(options.output))
    throw new AssayError(
      'VALIDATION_FAILED',
      `--output ${options.output}: use .json, .jsonl, .csv or .junit.xml`,
    );
  await withCore(options.dataDir, async (core) => {
    const runId = await resolveRunId(core, which);
    const run = await invoke(core, 'evals.get', { runId });
    const results = await allResults(core, runId);
    writeReport(
      path.resolve(options.output),
      buildEvalReport({ suite: run.name, runs: [{ ...run, results }] }),
    );
    process.stderr.write(
      `Exported run ${run.id} (${results.length} results) to ${options.output}\n`,
    );
  });
}
