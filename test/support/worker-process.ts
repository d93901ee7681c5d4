import { spawn, type ChildProcess } from 'node:child_process';
import { CLI, REPO_ROOT } from './run-cli';

export interface WorkerProcess {
  readonly pid: number;
  readonly output: () => string;
  /** SIGTERM (a graceful stop: running jobs finish), or SIGKILL (a crash); the exit. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<number | null>;
}

/**
 * Starts `assay worker` as a real child process of the built CLI and waits until it takes
 * jobs. Only this child is ever signalled, by its own PID.
 */
export async function startWorker(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  extraArgs: string[] = [],
  timeoutMs = 60_000,
): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, 'worker', '--data-dir', dataDir, '--metrics-port', '0', ...extraArgs],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '', ...env },
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
      reject(new Error(`assay worker did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Worker ready')) return;
      clearTimeout(timer);
      resolve({
        pid: child.pid!,
        output: () => output,
        stop: (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`assay worker exited with ${code} before it was ready:\n${output}`));
    });
  });
}
