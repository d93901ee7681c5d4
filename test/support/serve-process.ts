import { spawn, type ChildProcess } from 'node:child_process';
import { CLI, REPO_ROOT } from './run-cli';
import { postgresDatabaseFor, testDatabaseEnv } from './test-database';
import {
  bootstrapTeam,
  E2E_TEAM,
  forgetTeamServer,
  teamServe,
  type TeamAccounts,
} from './team-mode';

export interface ServeProcess {
  readonly url: string;
  readonly pid: number;
  readonly output: () => string;
  /** Team mode: the admin and the editor the harness made (see team-mode.ts). */
  readonly team?: TeamAccounts;
  stop(): Promise<number | null>;
}

export interface ServeMode {
  /**
   * `team`: `--database <this data directory's PostgreSQL database> --redis …` with an admin
   * and an editor made through the API (`bootstrap: false` leaves the server without accounts,
   * for a test of first-run setup). Default: team when ASSAY_E2E_TEAM=1, else local.
   */
  readonly team?: boolean;
  readonly bootstrap?: boolean;
}

/**
 * Starts `assay serve` as a real child process (port 0: a free one) and waits for the URL it
 * prints; in team mode it then makes the accounts (see ServeMode). Only this child is ever
 * signalled, by its own PID.
 */
export async function startServe(
  dataDir: string,
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 150_000,
  mode: ServeMode = {},
): Promise<ServeProcess> {
  const team = mode.team ?? E2E_TEAM;
  const database = team
    ? { ASSAY_DATABASE_URL: await postgresDatabaseFor(dataDir) }
    : await testDatabaseEnv(dataDir);
  const teamArgs = team ? teamServe(dataDir, database.ASSAY_DATABASE_URL!) : { args: [], env: {} };
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--data-dir', dataDir, ...teamArgs.args, ...extraArgs],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        OPENAI_API_KEY: '',
        ANTHROPIC_API_KEY: '',
        ...database,
        ...teamArgs.env,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const started = await new Promise<ServeProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`assay serve did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = output.match(/Workbench: (http:\/\/\S+)/);
      if (!match) return;
      clearTimeout(timer);
      const url = match[1]!.replace(/\/$/, '');
      resolve({
        url,
        pid: child.pid!,
        output: () => output,
        stop: () => {
          forgetTeamServer(url);
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`assay serve exited with ${code} before it was ready:\n${output}`));
    });
  });
  if (!team || mode.bootstrap === false) return started;
  try {
    return { ...started, team: await bootstrapTeam(started.url) };
  } catch (err) {
    await started.stop();
    throw err;
  }
}
