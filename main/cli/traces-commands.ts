import type { Command } from 'commander';
import type { CliAction } from './runs-cases-commands';
import { collect, FILTER_KEYS } from './commands/traces-options';

const DATA_DIR = ['--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)'] as const;
const FILTER = [
  '--filter <key=value>',
  `only traces (tail: spans) matching; repeatable; keys: ${FILTER_KEYS.join(', ')}`,
  collect,
] as const;

/** `assay traces export|tail`: traces as files a coding agent greps, and a live span feed. */
export function registerTracesCommands(
  program: Command,
  actions: { export: CliAction; tail: CliAction },
): void {
  const traces = program
    .command('traces')
    .description(
      'Captured traces (gateway, OpenTelemetry, API, Assay): export them as files, follow new spans',
    );
  traces
    .command('export')
    .description(
      'Write DIR/<time>_<name>_<trace-id>/ per trace (trace.json and a Markdown file per span) and DIR/index.md + index.jsonl; re-export overwrites',
    )
    .argument('<dir>', 'folder to write into (created if missing)')
    .option('--since <when>', 'traces started after: a duration (30m, 24h, 7d, 2w) or an ISO time')
    .option('--until <when>', 'traces started before: a duration or an ISO time (default: now)')
    .option(...FILTER)
    .option('--search <text>', 'full-text search over inputs and outputs (every word must appear)')
    .option('--limit <n>', 'at most this many traces, newest first (default: all)')
    .option(...DATA_DIR)
    .action(actions.export);
  traces
    .command('tail')
    .description(
      'Print each new span as it is stored (by any process: assay serve, the desktop app) until Ctrl+C',
    )
    .option(...FILTER)
    .option('--json', 'one JSON object per line')
    .option('--interval <ms>', 'how often to look for new spans (default 500)')
    .option(...DATA_DIR)
    .action(actions.tail);
}
