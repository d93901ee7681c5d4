import { Command, CommanderError } from 'commander';
import { appVersion } from '../core/app-version';
import { backupCommand } from './commands/backup';
import { callCommand } from './commands/call';
import { modelsCommand } from './commands/models';
import { promptsExportCommand, promptsImportCommand } from './commands/prompts';
import { serveCommand } from './commands/serve';
import { EXIT_OK, EXIT_USAGE, reportError } from './exit';

function buildProgram(): Command {
  const program = new Command('assay')
    .description('Assay: a local-first AI engineering workbench')
    .version(appVersion(), '-v, --version')
    .showHelpAfterError('(run assay --help for usage)')
    .exitOverride();

  program
    .command('serve')
    .description('Serve the workbench and the HTTP API (default http://127.0.0.1:4317)')
    .option('--host <host>', 'address to bind; anything but loopback requires --token', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '4317')
    .option('--data-dir <dir>', 'data directory (default: $ASSAY_HOME or ~/.assay)')
    .option('--token <token>', 'require this bearer token on every request (or ASSAY_TOKEN)')
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

  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage mistakes with 2.
      return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    return reportError(err);
  }
}

process.exitCode = await main(process.argv);
