import { spawn } from 'node:child_process';
import path from 'node:path';
import { testDatabaseEnv } from './test-database';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(REPO_ROOT, 'bin/assay.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The data directory a command line names (`--data-dir X`, or ASSAY_HOME). */
function dataDirOf(args: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const flag = args.indexOf('--data-dir');
  if (flag >= 0) return args[flag + 1];
  const inline = args.find((a) => a.startsWith('--data-dir='));
  return inline?.slice('--data-dir='.length) ?? env.ASSAY_HOME;
}

/**
 * Runs `assay <args>` to completion through the real bin script; `input` is its stdin. On a
 * Postgres test run, the command gets its data directory's database (test-database.ts).
 */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  input?: string,
): Promise<CliResult> {
  const dataDir = dataDirOf(args, env);
  const database = dataDir ? await testDatabaseEnv(dataDir) : {};
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...database, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // No input: stdin ends at once, as /dev/null would. A command that exits before reading
    // its input closes the pipe; that is its answer, not a failure of the test.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
