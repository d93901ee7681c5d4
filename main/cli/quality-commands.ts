import type { Command } from 'commander';
import type { CliAction } from './runs-cases-commands';
import { collect } from './commands/traces-options';

const DATA_DIR = ['--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)'] as const;
const RULE = ['<rule>', 'a rule id, or the name of a live rule'] as const;

/** `assay scoring list|create|enable|disable|rescore|delete`: online scoring rules. */
export function registerScoringCommands(
  program: Command,
  actions: Record<'list' | 'create' | 'enable' | 'disable' | 'rescore' | 'delete', CliAction>,
): void {
  const scoring = program
    .command('scoring')
    .description(
      "Online scoring rules: a scorecard's graders score production interactions as they arrive (bad input: exit 2 naming the flag; unknown rule or scorecard, or a taken name: exit 1)",
    );
  scoring
    .command('list')
    .description(
      'List rules, newest first: scorecard, filter, sampling, judge spend today against the daily budget, status (running, paused and why, disabled), scored count and how far it got',
    )
    .option('--all', 'archived (deleted) rules too')
    .option('--json', 'print JSON: { rules: [...] } with every field and status')
    .option(...DATA_DIR)
    .action(actions.list);
  scoring
    .command('create')
    .description(
      'Create a rule: it scores what arrives from now on (assay serve or the app runs it); a filter field given must match, within it any value (tags: all)',
    )
    .option('--name <name>', 'the rule name (unique among live rules)')
    .option('--scorecard <name|id>', 'the scorecard whose graders score')
    .option('--sampling <rate>', 'share of matching interactions scored: 100%, 10% or 0.1')
    .option(
      '--daily-budget <usd|none>',
      'US dollars of judge calls a UTC day; the rule pauses when spent (none: no limit)',
    )
    .option('--type <type>', 'only interactions of this type; repeatable or a,b', collect)
    .option(
      '--prompt <name>',
      'only interactions of this prompt (any version); repeatable',
      collect,
    )
    .option('--model <model>', 'only interactions of this model; repeatable', collect)
    .option('--tag <tag>', 'only interactions with this tag (every one given); repeatable', collect)
    .option('--user <user>', 'only interactions of this user id; repeatable', collect)
    .option('--disabled', 'create it disabled')
    .option('--json', 'print the rule as JSON')
    .option(...DATA_DIR)
    .action(actions.create);
  // One rule each, printed as the rule: the four differ only in what they do to it.
  const ruleCommands: [name: 'enable' | 'disable' | 'rescore' | 'delete', description: string][] = [
    ['enable', 'Enable a rule: it scores what arrives from now on'],
    ['disable', 'Disable a rule: it scores nothing until enabled'],
    [
      'rescore',
      "Grade again what a rule scored, with its scorecard's current grader versions (after a grader changed), in the background",
    ],
    ['delete', 'Delete (archive) a rule: it stops and its name is free; its scores stay'],
  ];
  for (const [name, description] of ruleCommands)
    scoring
      .command(name)
      .description(description)
      .argument(...RULE)
      .option('--json', 'print the rule as JSON')
      .option(...DATA_DIR)
      .action(actions[name]);
}

/** `assay pulse list|alerts|ack`: alert rules and the inbox. */
export function registerPulseCommands(
  program: Command,
  actions: Record<'list' | 'alerts' | 'ack', CliAction>,
): void {
  const pulse = program
    .command('pulse')
    .description(
      'Pulse alerts over production traffic: the rules and the inbox (rules are evaluated by assay serve and the app, never by these commands)',
    );
  pulse
    .command('list')
    .description('List alert rules: what they alert on, window, state (ok, firing, …), last value')
    .option('--json', 'print JSON: { rules: [...] }')
    .option(...DATA_DIR)
    .action(actions.list);
  pulse
    .command('alerts')
    .description('The alert inbox, newest first, with the unread count')
    .option('--unread', 'only unread alerts')
    .option('--rule <name|id>', "only this rule's alerts")
    .option('--limit <n>', 'alerts per page (1-500, default 50)')
    .option('--offset <n>', 'skip this many first (default 0)')
    .option('--json', 'print JSON: { alerts, unread, nextOffset }')
    .option(...DATA_DIR)
    .action(actions.alerts);
  pulse
    .command('ack')
    .description('Mark alerts read (acknowledged); an unknown id exits 1 and marks nothing')
    .argument('[alert-id...]', 'alert ids (assay pulse alerts lists them)')
    .option('--all', 'every alert in the inbox')
    .option('--unread', 'mark them unread again instead')
    .option('--json', 'print JSON: { marked, read, unread }')
    .option(...DATA_DIR)
    .action(actions.ack);
}
