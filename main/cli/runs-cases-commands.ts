import type { Command } from 'commander';

/** A command's action, loaded when it runs (see `lazy` in main.ts). */
export type CliAction = (...args: unknown[]) => Promise<void>;

const DATA_DIR = ['--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)'] as const;
const RUN_ID = ['<run-id>', 'a run id, or latest (the newest run)'] as const;

/** `assay runs list|show|delete|export`: stored eval runs, read through the evals.* channels. */
export function registerRunsCommands(
  program: Command,
  actions: { list: CliAction; show: CliAction; delete: CliAction; export: CliAction },
): void {
  const runs = program
    .command('runs')
    .description('Stored eval runs: list them, show one with its results, export or delete it');
  runs
    .command('list')
    .description(
      'List runs, newest first: status, dataset, prompt (with component versions), model, verdict counts, pass rate, cost',
    )
    .option('--dataset <name>', 'only runs of this dataset')
    .option('--limit <n>', 'at most this many runs (1-500, default 20)')
    .option('--json', 'print JSON: { runs: [...] } with every field')
    .option(...DATA_DIR)
    .action(actions.list);
  runs
    .command('show')
    .description(
      "Show a run: what ran (prompt and component versions, model, cache, judge and embedding models), its totals, then each result's status, score and reasons",
    )
    .argument(...RUN_ID)
    .option('--status <status>', 'only results with this status: pass | fail | error | unscored')
    .option(
      '--json',
      'print JSON: { run, results: [...] } with every field (outputs, vars, matchers)',
    )
    .option(...DATA_DIR)
    .action(actions.show);
  runs
    .command('delete')
    .description(
      'Delete a run with its case snapshots and results; the spans of its calls stay (exit 1 if it is executing or unknown)',
    )
    .argument(...RUN_ID)
    .option(...DATA_DIR)
    .action(actions.delete);
  runs
    .command('export')
    .description('Write a run in the format `assay eval --output` writes')
    .argument(...RUN_ID)
    .requiredOption('--output <file>', 'the file: .json, .jsonl, .csv or .junit.xml')
    .option(...DATA_DIR)
    .action(actions.export);
}

/** `assay cases list|add|update|delete DATASET`: test cases as JSON, through the cases.* channels. */
export function registerCasesCommands(
  program: Command,
  actions: { list: CliAction; add: CliAction; update: CliAction; delete: CliAction },
): void {
  const cases = program
    .command('cases')
    .description(
      "A dataset's test cases as JSON in and out (bad input: exit 2 naming the field; unknown dataset or case, or a stale revision: exit 1)",
    );
  cases
    .command('list')
    .description('List a page of the cases of DATASET, in order')
    .argument('<dataset>', 'the dataset')
    .option('--tag <tag>', 'only cases with this tag')
    .option(
      '--search <text>',
      'only cases whose variables, expected output or description contain this',
    )
    .option('--limit <n>', 'cases per page (1-1000, default 100)')
    .option('--offset <n>', 'skip this many cases first (default 0)')
    .option('--json', 'print JSON: { cases, total, offset, limit } with every field')
    .option(...DATA_DIR)
    .action(actions.list);
  cases
    .command('add')
    .description(
      'Add cases to DATASET, all or nothing, and print them as JSON (with their ids). A case: {"vars": {...}, "expected": ..., "matchers": [...], "tags": [...], "description": "..."}',
    )
    .argument('<dataset>', 'the dataset')
    .argument('[-]', '- reads the JSON from stdin')
    .option('--json <json>', 'a case object, or a list of them')
    .option('--file <file>', 'a file holding a case object or a list of them (- for stdin)')
    .option(...DATA_DIR)
    .action(actions.add);
  cases
    .command('update')
    .description(
      'Change fields of a case and print it as JSON: only the fields given change ("expected": null removes it); the revision goes up',
    )
    .argument('<dataset>', 'the dataset the case belongs to')
    .argument('<case-id>', 'the case id (see cases list)')
    .argument('[-]', '- reads the JSON from stdin')
    .option('--json <json>', 'the fields to change: vars, expected, matchers, tags, description')
    .option('--file <file>', 'a file holding that object (- for stdin)')
    .option('--base-revision <n>', 'refuse (exit 1) if the case is no longer at this revision')
    .option(...DATA_DIR)
    .action(actions.update);
  cases
    .command('delete')
    .description('Delete a case; runs that used it keep their snapshot of it')
    .argument('<dataset>', 'the dataset the case belongs to')
    .argument('<case-id>', 'the case id')
    .option(...DATA_DIR)
    .action(actions.delete);
}
