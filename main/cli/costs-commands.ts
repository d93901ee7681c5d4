import type { Command } from 'commander';
import type { CliAction } from './runs-cases-commands';
import { COST_FILTER_KEYS } from './commands/costs-options';
import { collect } from './commands/traces-options';

const DATA_DIR = ['--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)'] as const;
const FILTER = [
  '--filter <key=value>',
  `only LLM spans matching; repeatable; keys: ${COST_FILTER_KEYS.join(', ')}`,
  collect,
] as const;
const SINCE = [
  '--since <when>',
  'spans started from: a duration (30d, 24h) or an ISO time (required)',
] as const;
const UNTIL = [
  '--until <when>',
  'spans started before: a duration or an ISO time (default: now)',
] as const;

/** `assay costs what-if|recompute|history`: re-pricing past traffic (issue 15). */
export function registerCostsCommands(
  program: Command,
  actions: Record<'whatIf' | 'recompute' | 'history', CliAction>,
): void {
  const costs = program
    .command('costs')
    .description(
      'Re-price past traffic: what it would have cost on another model, recompute stored costs with current prices',
    );
  costs
    .command('what-if')
    .description(
      'Per UTC day: tokens by kind, what the LLM spans cost, and the same usage at another model’s current price',
    )
    .option('--model <provider:model>', 'the model to price the traffic at (required)')
    .option(...SINCE)
    .option(...UNTIL)
    .option(...FILTER)
    .option('--json', 'print JSON as costs.whatIf returns it')
    .option(...DATA_DIR)
    .action(actions.whatIf);
  costs
    .command('recompute')
    .description(
      'Recompute the stored cost of the LLM spans (and their traces) with current prices, and record what changed',
    )
    .option(...SINCE)
    .option(...UNTIL)
    .option('--model <provider:model>', 'only the spans of this model')
    .option(...FILTER)
    .option('--json', 'print the record as JSON')
    .option(...DATA_DIR)
    .action(actions.recompute);
  costs
    .command('history')
    .description('Past cost recomputations, newest first')
    .option('--limit <n>', 'at most this many (1-500, default 50)')
    .option('--json', 'print JSON: a list of records')
    .option(...DATA_DIR)
    .action(actions.history);
}
