import { spawn, type ChildProcess } from 'node:child_process';
import { CLI, REPO_ROOT } from './run-cli';
import { testDatabaseEnv } from './test-database';

export interface ServeProcess {
  readonly url: string;
  readonly pid: number;
  readonly output: () => string;
  stop(): Promise<number | null>;
}

/**
 * Starts `assay serve` as a real child process (port 0: a free one) and waits for the URL it
 * prints. Only this child is ever signalled, by its own PID.
 */
export async function startServe(
  dataDir: string,
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 150_000,
): Promise<ServeProcess> {
  const database = await testDatabaseEnv(dataDir);
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--data-dir', dataDir, ...extraArgs],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '', ...database, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`assay serve did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = output.match(/Workbench: (http:\/\/\S+)/);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!.replace(/\/$/, ''),
        pid: child.pid!,
        output: () => output,
        stop: () => {
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
}
